using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Engine;

/// <summary>
/// Heat on actors with injected faults: a strip that throws after some steps is restarted, resumes from its
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
