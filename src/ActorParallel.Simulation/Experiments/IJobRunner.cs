namespace ActorParallel.Simulation.Experiments;

/// <summary>Runs one job; the engine implements it with actors, tests with a fake.</summary>
public interface IJobRunner
{
    Task<JobReport> RunAsync(JobRequest request, CancellationToken cancellationToken = default);
}
