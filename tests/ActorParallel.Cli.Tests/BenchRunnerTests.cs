using ActorParallel.Cli.Bench;
using ActorParallel.Cli.Bench.Scenarios;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Tests;

/// <summary>The harness pieces: every scenario through the runner with tiny sizes, answer checks, the median, ratios and goals.</summary>
[Collection(BenchCollection.Name)]
public sealed class BenchRunnerTests
{
    private static byte[]? _sink;

    private sealed class Collect : IProgress<string>
    {
        public List<string> Lines { get; } = [];

        public void Report(string value) => Lines.Add(value);
    }

    [Fact]
    public void Every_scenario_yields_sane_figures_with_tiny_sizes()
    {
        var progress = new Collect();
        var scenarios = BenchRunner.AllScenarios();
        var report = BenchRunner.Run(BenchSizes.Tiny, scenarios, progress);

        foreach (var scenario in scenarios)
        {
            Assert.Contains(report.Figures, f => f.Scenario == scenario.Id);
        }

        Assert.All(report.Figures, f => Assert.True(f.IsSane, $"{f.Name}: value {f.Value}, baseline {f.Baseline}"));
        Assert.Equal(PingPongScenario.PairCounts.Count, report.Figures.Count(f => f.Scenario == "ping-pong"));
        Assert.True(report.ElapsedSeconds > 0);

        // The farm: the lab at each W beside the bare Akka.NET farm (with the goal), end to end, the Channel<T> farm
        // and Parallel.For, Akka.NET beside channels, and bytes per task.
        var farm = report.Figures.Where(f => f.Scenario == "farm").ToList();
        Assert.Equal((5 * FarmScenario.WorkerCounts.Count) + 3, farm.Count);
        foreach (var w in FarmScenario.WorkerCounts)
        {
            var lab = Assert.Single(farm, f => f.Name == $"lab farm, empty tasks, W={w}");
            Assert.Equal("tasks/s", lab.Unit);
            Assert.Equal("bare Akka.NET farm", lab.BaselineName);
            Assert.NotNull(lab.Ratio);
            Assert.Equal(FarmScenario.LabGoal, lab.Goal);
            Assert.Contains(farm, f => f.Name == $"lab farm vs Parallel.For, W={w}" && f.Value == lab.Value && f.Ratio is not null);
            Assert.Contains(farm, f => f.Name == $"lab farm vs Channel<T> farm, W={w}" && f.Value == lab.Value && f.Ratio is not null);
        }

        var bytes = Assert.Single(farm, f => f.Name == $"bytes allocated per task, lab farm, W={FarmScenario.AllocationWorkers}");
        Assert.Equal("B/task", bytes.Unit);
        Assert.True(bytes.Value > 0, "the lab's farm allocates messages per task");
        Assert.NotNull(bytes.Baseline);
        var messages = Assert.Single(farm, f => f.Name == $"bytes allocated per task, lab farm vs its messages, W={FarmScenario.AllocationWorkers}");
        Assert.Equal(bytes.Value, messages.Value);
        Assert.True(messages.Baseline > 0, "a task and its result are objects");
        Assert.Equal(GoalOf.Ratio, messages.Goal!.Of);

        // One figure per registered workload: actors' speedup beside the TPL's, so the ratio is actors / TPL.
        var workloads = report.Figures.Where(f => f.Scenario == "workloads").ToList();
        Assert.Equal(WorkloadRegistry.Default.All.Count, workloads.Count);
        foreach (var workload in WorkloadRegistry.Default.All)
        {
            var figure = Assert.Single(workloads, f => f.Name.StartsWith(workload.Name + ":", StringComparison.Ordinal));
            Assert.Equal("x", figure.Unit);
            Assert.NotNull(figure.Ratio);
            Assert.Equal(WorkloadsScenario.WithGoal.Contains(workload.Name), figure.Goal is not null);
            Assert.Contains("serial", figure.Detail, StringComparison.Ordinal);
        }

        // The serializer: round trips per second beside Akka's JSON (with the goal), and bytes per message.
        var serializer = report.Figures.Where(f => f.Scenario == "serializer").ToList();
        Assert.Equal(2, serializer.Count);
        var rate = Assert.Single(serializer, f => f.Unit == "msg/s");
        Assert.Equal(SerializerScenario.Goal, rate.Goal);
        Assert.NotNull(rate.Ratio);
        var size = Assert.Single(serializer, f => f.Unit == "B/msg");
        Assert.True(size.Value < size.Baseline, $"the lab's batch takes {size.Value} bytes, JSON's {size.Baseline}");

        Assert.Contains(progress.Lines, l => l.StartsWith("farm", StringComparison.Ordinal));
        Assert.Contains(progress.Lines, l => l.Contains("pi: serial", StringComparison.Ordinal));
    }

    [Fact]
    public void Workloads_scenario_fails_when_an_answer_differs_from_the_serial_one()
    {
        var registry = WorkloadRegistry.Default.With(new WrongTpl());
        var error = Assert.Throws<InvalidOperationException>(() => new WorkloadsScenario(registry).Run(BenchSizes.Tiny, new Collect()));
        Assert.Contains(WrongTpl.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("serial reference", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Bare_farms_return_every_task_once(int workers)
    {
        const int tasks = 1_000;
        var channels = ChannelBaselines.Farm(tasks, workers);
        Assert.True(channels.Wait(TimeSpan.FromSeconds(30)));
        Assert.Equal(EmptyWorkload.Expected(tasks), channels.Result);

        using var system = BareAkkaFarm.CreateSystem(workers);
        Assert.Equal(EmptyWorkload.Expected(tasks), BareAkkaFarm.Run(system, tasks, workers));
        Assert.Equal(EmptyWorkload.Expected(1), BareAkkaFarm.Run(system, 1, workers));
    }

    [Theory]
    [InlineData(10_000, 0.5, 5_000)]
    [InlineData(37_345, 0.5, 18_000)]
    [InlineData(1_000, 0.5, 4_000)]
    [InlineData(1e9, 0.5, 100_000)]
    [InlineData(double.PositiveInfinity, 0.5, 100_000)]
    public void Lab_farm_jobs_are_sized_to_the_probe_rate_within_bounds(double rate, double seconds, int tasks) =>
        Assert.Equal(tasks, FarmScenario.LabTasks(rate, BenchSizes.Full with { LabFarmSeconds = seconds }));

    [Fact]
    public void Marginal_bytes_leave_the_fixed_cost_out()
    {
        var perOperation = Measure.MarginalBytesPerOperation(100_000, n =>
        {
            _sink = new byte[1_000_000];
            for (var i = 0; i < n; i++)
            {
                _sink = new byte[100];
            }
        });
        Assert.InRange(perOperation, 100, 160);
    }

    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 5.0, 1.0, 3.0 }, 3.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    public void Median_is_the_middle_value(double[] values, double median) => Assert.Equal(median, Measure.Median(values));

    [Fact]
    public void Median_runs_warmups_unrecorded()
    {
        var calls = 0;
        var median = Measure.Median(warmups: 2, repeats: 3, () => ++calls);
        Assert.Equal(5, calls);
        Assert.Equal(4, median);
    }

    [Fact]
    public void Ratio_is_value_over_baseline_and_goals_respect_direction_and_target()
    {
        var rate = new BenchFigure("s", "rate", "tasks/s", 30e3, Better.Higher, 100e3, "b", BenchGoal.RatioAtLeast(0.5, ">= 0.5x b"));
        Assert.Equal(0.3, rate.Ratio);
        Assert.False(rate.GoalMet);
        Assert.True((rate with { Value = 60e3 }).GoalMet);

        // A ratio goal without a baseline cannot be met.
        Assert.False((rate with { Baseline = null }).GoalMet);

        var bytes = new BenchFigure("s", "bytes", "B/task", 400, Better.Lower, Baseline: 200, Goal: BenchGoal.AtMost(500, "<= 500 B"));
        Assert.Equal(2.0, bytes.Ratio);
        Assert.True(bytes.GoalMet);

        // Zero bytes is a result, not an error; a ratio to a sub-byte baseline is noise and is left out.
        var none = new BenchFigure("s", "alloc", "B/task", 0, Better.Lower, Baseline: 0.01);
        Assert.True(none.IsSane);
        Assert.Null(none.Ratio);
        Assert.Null(none.GoalMet);
        Assert.False(new BenchFigure("s", "rate", "msg/s", 0, Better.Higher).IsSane);
        Assert.False(new BenchFigure("s", "rate", "msg/s", double.PositiveInfinity, Better.Higher).IsSane);
    }

    [Theory]
    [InlineData(16_700_000, "16.7 M")]
    [InlineData(49_000, "49.0 K")]
    [InlineData(1.82, "1.82")]
    [InlineData(0.5, "0.500")]
    public void Si_formats_with_three_significant_digits(double value, string text) => Assert.Equal(text, Format.Si(value));

    /// <summary>Empty tasks whose TPL version gets the answer wrong: named first, so the scenario fails at once.</summary>
    private sealed class WrongTpl : Workload<int, int, long>
    {
        public const string Id = "a-wrong-tpl";

        public override string Name => Id;

        public override string Description => "a TPL version that loses a task";

        public override long DefaultSize => 1;

        public override int DefaultTasks => 4;

        protected override IEnumerable<int> Split(WorkloadParameters parameters) => Enumerable.Range(0, parameters.Tasks);

        protected override int Execute(int task) => task;

        protected override long Combine(WorkloadParameters parameters, IReadOnlyList<int> outputs) => outputs.Sum(o => (long)o);

        protected override long Serial(WorkloadParameters parameters) => EmptyWorkload.Expected(parameters.Tasks);

        protected override long Tpl(WorkloadParameters parameters, int workers, CancellationToken cancellationToken) => -1;
    }
}
