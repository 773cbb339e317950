using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Experiments;

public sealed class ExperimentTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void Amdahl_fit_recovers_an_exact_serial_fraction(double s)
    {
        var points = new[] { 1, 2, 4, 8, 16 }.Select(w => (w, Laws.Amdahl(s, w)));
        var fit = SerialFractionFit.Amdahl(points);
        Assert.Equal(s, fit.SerialFraction, 9);
        Assert.Equal(1, fit.RSquared, 6);
    }

    [Fact]
    public void Amdahl_fit_needs_a_point_beyond_one_worker() =>
        Assert.Throws<ArgumentException>(() => SerialFractionFit.Amdahl([(1, 1.0)]));

    [Fact]
    public void Laws_match_their_textbook_values()
    {
        Assert.Equal(1 / (0.1 + (0.9 / 4)), Laws.Amdahl(0.1, 4), 12);
        Assert.Equal(4 - (0.1 * 3), Laws.Gustafson(0.1, 4), 12);
        Assert.Equal(0.1, Laws.KarpFlatt(Laws.Amdahl(0.1, 4), 4)!.Value, 12);
    }

    [Theory]
    [InlineData(0.02)]
    [InlineData(0.1)]
    [InlineData(0.25)]
    public async Task Strong_scaling_against_a_fake_runner_recovers_s_within_002(double s)
    {
        var runner = new FakeJobRunner(s);
        var spec = new ExperimentSpec("synthetic", ExperimentKind.Strong, [1, 2, 3, 4, 6, 8], new WorkloadParameters(100_000, 32)) { Repeats = 3 };
        var result = await new ExperimentRunner(runner).RunAsync(spec);

        Assert.Equal(1 + 18, runner.Requests.Count); // one unrecorded warm-up run
        Assert.Equal([1, 2, 3, 4, 6, 8], result.Points.Select(p => p.Workers));
        Assert.True(result.AllCorrect);
        Assert.Equal(ScalingLaw.Amdahl, result.Fit!.Law);
        Assert.InRange(result.Fit.SerialFraction, s - 0.02, s + 0.02);
        var one = result.Points[0];
        Assert.Equal(1, one.SpeedupVsOneWorker!.Value, 9);
        Assert.Null(one.KarpFlatt);
        Assert.All(result.Points.Skip(1), p => Assert.InRange(p.KarpFlatt!.Value, s - 0.05, s + 0.05));
    }

    [Fact]
    public async Task Weak_scaling_grows_the_problem_and_fits_gustafson()
    {
        var runner = new FakeJobRunner(0.1, noise: 0);
        var spec = new ExperimentSpec("pi", ExperimentKind.Weak, [1, 2, 4], new WorkloadParameters(1000, 8)) { Repeats = 1, MeasureTpl = false, WarmUp = false };
        var result = await new ExperimentRunner(runner).RunAsync(spec);
        Assert.Equal([1000L, 2000, 4000], runner.Requests.Select(r => r.Parameters.Size));
        Assert.Equal([8, 16, 32], runner.Requests.Select(r => r.Parameters.Tasks));
        Assert.All(runner.Requests, r => Assert.False(r.MeasureTpl));
        Assert.Equal(ScalingLaw.Gustafson, result.Fit!.Law);
        // With the fake, T_W(W x size) = size x (s W + 1 - s): scaled speedup W / (s W + 1 - s).
        Assert.Equal(4 / ((0.1 * 4) + 0.9), result.Points[2].SpeedupVsOneWorker!.Value, 9);
    }

    [Theory]
    [InlineData("matmul", 100, 8, 200)]
    [InlineData("heat", 100, 4, 200)]
    [InlineData("primes", 100, 8, 800)]
    public void Weak_scaling_keeps_work_per_worker_fixed(string workload, long size, int workers, long expected) =>
        Assert.Equal(expected, ExperimentSpec.WeakScaled(workload, new WorkloadParameters(size, 2), workers).Size);

    [Fact]
    public void Granularity_and_push_vs_pull_plans()
    {
        var p = new WorkloadParameters(1000, 8);
        var granularity = new ExperimentSpec("pi", ExperimentKind.Granularity, [1, 2], p).Plan();
        Assert.All(granularity, x => Assert.Equal(2, x.Workers));
        Assert.Equal([2, 4, 8, 16, 32, 64, 128], granularity.Select(x => x.Parameters.Tasks));

        var pushPull = new ExperimentSpec("pi", ExperimentKind.PushVsPull, [2, 1], p).Plan();
        Assert.Equal([(1, DispatchMode.Pull), (1, DispatchMode.Push), (2, DispatchMode.Pull), (2, DispatchMode.Push)], pushPull.Select(x => (x.Workers, x.Mode)));
    }

    [Fact]
    public void Bad_specs_say_what_is_wrong()
    {
        var e = Assert.Throws<WorkloadParameterException>(() => new ExperimentSpec("pi", ExperimentKind.Strong, [0, 2], new WorkloadParameters(1, 1)).Plan());
        Assert.Contains("positive", e.Message, StringComparison.Ordinal);
        Assert.Throws<WorkloadParameterException>(() => new ExperimentSpec("pi", ExperimentKind.Strong, [1], new WorkloadParameters(1, 1)) { Repeats = 0 }.Plan());
    }
}
