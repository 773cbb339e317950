namespace ActorParallel.Simulation.Workloads;

/// <summary>
/// A workload with an engine path of its own (a peer topology, a shuffle through reducers) that the engine's generic
/// warm-up does not run: it names a small job of the same shape, which an engine may run before the job's clock
/// starts so that that path is compiled, and recompiled optimised, outside the job.
/// </summary>
public interface IWarmUpWorkload : IWorkload
{
    /// <summary>A job of the same shape as <paramref name="job"/> (same tasks or peers, same options) but tiny.</summary>
    WorkloadParameters WarmUpParameters(WorkloadParameters job);
}
