using ActorParallel.Cli.Bench;
using ActorParallel.Cli.Bench.Scenarios;

namespace ActorParallel.Cli.Tests;

/// <summary>The harness pieces: every scenario through the runner with tiny sizes, the median, ratios and goals.</summary>
[Collection(BenchCollection.Name)]
public sealed class BenchRunnerTests
{
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
        Assert.Contains(progress.Lines, l => l.StartsWith("pi", StringComparison.Ordinal));
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
    public void Ratio_is_value_over_baseline_and_goals_respect_direction()
    {
        var rate = new BenchFigure("s", "rate", "msg/s", 30e6, Better.Higher, 10e6, "b", 16.7e6, BenchGoal.AtLeast(33.4e6, ">= 33.4 M"));
        Assert.Equal(3.0, rate.Ratio);
        Assert.False(rate.GoalMet);

        var bytes = new BenchFigure("s", "bytes", "B/actor", 400, Better.Lower, Baseline: 200, Goal: BenchGoal.AtMost(500, "<= 500 B"));
        Assert.Equal(2.0, bytes.Ratio);
        Assert.True(bytes.GoalMet);

        // Zero bytes is a result, not an error; a ratio to a sub-byte baseline is noise and is left out.
        var none = new BenchFigure("s", "alloc", "B/msg", 0, Better.Lower, Baseline: 0.01);
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
}
