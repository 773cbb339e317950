using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Experiments;

/// <summary>The serial reference is timed as often as the points, once per round, just before the points that use it.</summary>
public sealed class SerialReferenceTests
{
    private static ExperimentSpec Spec(ExperimentKind kind, params int[] workers) =>
        new("synthetic", kind, workers, new WorkloadParameters(100_000, 16)) { Repeats = 3 };

    private static string Order(IEnumerable<(bool Serial, JobRequest Request)> calls) =>
        string.Join(" ", calls.Select(c => c.Serial ? $"S{c.Request.Parameters.Size / 1000}" : $"W{c.Request.Workers}"));

    [Fact]
    public async Task Strong_scaling_times_the_reference_at_the_start_of_every_round()
    {
        var runner = new FakeJobRunner(0.1);
        await new ExperimentRunner(runner).RunAsync(Spec(ExperimentKind.Strong, 1, 2, 4));
        // The warm-up (reference and first point, unrecorded), then three rounds.
        Assert.Equal("S100 W1 S100 W1 W2 W4 S100 W1 W2 W4 S100 W1 W2 W4", Order(runner.Calls));
        Assert.All(runner.Requests, r => Assert.False(r.MeasureSerial));
    }

    [Fact]
    public async Task Weak_scaling_times_each_size_reference_just_before_its_point()
    {
        var runner = new FakeJobRunner(0.1);
        await new ExperimentRunner(runner).RunAsync(Spec(ExperimentKind.Weak, 1, 2) with { Repeats = 2, WarmUp = false });
        Assert.Equal("S100 W1 S200 W2 S100 W1 S200 W2", Order(runner.Calls));
    }

    [Fact]
    public async Task Progress_hears_every_step_k_of_n_before_it_runs()
    {
        var steps = new List<SweepProgress>();
        var runner = new FakeJobRunner(0.1);
        var experiment = new ExperimentRunner(runner) { Steps = new SynchronousProgress<SweepProgress>(steps.Add) };
        await experiment.RunAsync(Spec(ExperimentKind.Strong, 1, 2) with { WarmUp = false });
        Assert.Equal(Enumerable.Range(1, 9), steps.Select(s => s.Number));
        Assert.All(steps, s => Assert.Equal(9, s.Count));
        Assert.Equal([null, 1, 2], steps.Take(3).Select(s => s.Point?.Workers));
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    [Fact]
    public void The_schedule_has_one_reference_per_parameter_set_and_round()
    {
        var plan = Spec(ExperimentKind.PushVsPull, 1, 2).Plan();
        var steps = SweepSchedule.Steps(plan, 2);
        Assert.Equal(2 * (1 + plan.Count), steps.Count);
        Assert.Equal([true, false, false, false, false], steps.Take(5).Select(s => s.IsSerial));
        Assert.All(steps.Where(s => s.IsSerial), s => Assert.Equal(0, s.Index));
    }

    [Fact]
    public async Task Every_serial_reading_is_kept_and_one_slow_reading_does_not_move_the_median()
    {
        // Serial calls: 0 is the warm-up; 1, 2, 3 the rounds. Round 2's reading is 80% slow.
        var runner = new FakeJobRunner(0.1, noise: 0) { SerialMs = (call, exact) => call == 2 ? exact * 1.8 : exact };
        var result = await new ExperimentRunner(runner).RunAsync(Spec(ExperimentKind.Strong, 1, 2, 4));

        var one = result.Points[0];
        Assert.Equal([100.0, 180, 100], one.SerialMsStats!.Samples);
        Assert.Equal(100, one.SerialMs!.Value, 9);
        Assert.Equal(one.SerialMsStats.Samples, result.Points[2].SerialMsStats!.Samples); // one reference for every W
        // Round by round: the slow reading shows as the top of W = 1's speedup range, not in its median.
        Assert.Equal(1, one.Speedup!.Value, 9);
        Assert.Equal(1.8, one.SpeedupStats!.Max, 9);
        Assert.Equal(3, one.WallMsStats!.N);
        Assert.DoesNotContain(result.Warnings, w => w.Code == SweepWarnings.SpeedupAboveWorkers);
    }

    [Fact]
    public async Task Speedups_against_the_own_one_worker_run_are_taken_round_by_round()
    {
        var runner = new FakeJobRunner(0.1, noise: 0);
        var result = await new ExperimentRunner(runner).RunAsync(Spec(ExperimentKind.Strong, 1, 2));
        var two = result.Points[1];
        Assert.Equal(1 / (0.1 + (0.9 / 2)), two.SpeedupVsOneWorker!.Value, 9);
        Assert.All(two.SpeedupVsOneWorkerStats!.Samples, s => Assert.Equal(two.SpeedupVsOneWorker.Value, s, 9));
        Assert.Equal(1.0, two.TplSpeedupVsOneWorker!.Value / two.SpeedupVsOneWorker.Value, 9); // the fake's TPL is 0.9 x the actors
    }
}
