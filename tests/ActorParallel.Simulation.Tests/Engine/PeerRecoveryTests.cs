using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Engine;

/// <summary>
/// Heat on actors (and the inline engine) with injected faults: a strip that throws after some steps is restarted, resumes from its
/// checkpoint and the grid still equals the serial solver bit for bit; retries are bounded and name the peer and step (that part is in <see cref="EngineTests"/>, for both engines).
/// </summary>
public sealed class PeerRecoveryTests
{
    private static readonly WorkloadParameters Small = EngineTests.Small("heat");

    public static TheoryData<DispatchMode, int> ModesAndFaults() => new()
    {
        { DispatchMode.Pull, 0 },
        { DispatchMode.Push, 0 },
        { DispatchMode.Pull, 3 },
        { DispatchMode.Push, 2 },
        { DispatchMode.Pull, 1 },
    };

    public static TheoryData<string, int, int> EnginesFaultsAndCheckpoints() => new()
    {
        { "actors", 1, 1 },
        { "actors", 2, 3 },
        { "actors", 3, 2 },
        { "actors", 4, 100 },
        { "inline", 1, 1 },
        { "inline", 2, 3 },
        { "inline", 3, 2 },
        { "inline", 4, 100 },
    };

    [Theory]
    [MemberData(nameof(EnginesFaultsAndCheckpoints))]
    public async Task Heat_recovers_bit_identical_from_checkpoints_taken_every_few_steps(string engine, int failEvery, int checkpointEvery)
    {
        // 12 steps: failures at steps after, on and between checkpoints, so resumption replays 0 to checkpointEvery - 1 steps.
        IJobEngine e = engine == "actors" ? new ActorEngine() : new InlineEngine();
        var runner = new JobRunner(WorkloadRegistry.Default, e);
        var p = (Small with { Tasks = 3 }).With("steps", "12").With("checkpoint-every", checkpointEvery.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var request = new JobRequest("heat", p, 2)
        {
            MeasureTpl = false,
            Faults = new FaultInjection(failEvery, FailuresPerTask: 2),
            TaskRetries = 2,
        };
        var report = await runner.RunAsync(request);
        Assert.True(report.Correct, $"{engine} fail-every {failEvery} checkpoint-every {checkpointEvery}: {report.Check}");
        Assert.Equal(3 * 2 * (12 / failEvery), report.Metrics!.TasksFailed);
        Assert.Equal(3, report.Metrics.TasksCompleted);
    }

    [Theory]
    [MemberData(nameof(ModesAndFaults))]
    public async Task Heat_gives_the_serial_answer_for_one_to_four_workers_and_strips_with_and_without_faults(DispatchMode mode, int failEvery)
    {
        var runner = new JobRunner(WorkloadRegistry.Default, new ActorEngine());
        var steps = Small.GetInt("steps", 0);
        for (var w = 1; w <= 4; w++)
        {
            var request = new JobRequest("heat", Small with { Tasks = w }, w, mode)
            {
                MeasureTpl = false,
                Faults = failEvery == 0 ? null : new FaultInjection(failEvery, FailuresPerTask: 2),
                TaskRetries = 2,
            };
            var report = await runner.RunAsync(request);
            Assert.True(report.Correct, $"W={w} {mode} fail-every {failEvery}: {report.Check}");
            Assert.Equal(w, report.Metrics!.TasksCompleted);
            // Each strip throws twice at every step that is a multiple of failEvery.
            var expectedFailures = failEvery == 0 ? 0 : w * 2 * (steps / failEvery);
            Assert.Equal(expectedFailures, report.Metrics.TasksFailed);
        }
    }
}
