namespace ActorParallel.Simulation.Experiments;

/// <summary>Runs one job; the engine implements it with actors, tests with a fake.</summary>
public interface IJobRunner
{
    Task<JobReport> RunAsync(JobRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Times the serial reference of <paramref name="request"/>'s workload and parameters once more, afresh (no
    /// cached time), so a sweep can measure it as often as its points; the answer may be kept for later checks.
    /// </summary>
    Task<TimeSpan> RunSerialAsync(JobRequest request, CancellationToken cancellationToken = default);
}
