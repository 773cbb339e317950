namespace ActorParallel.Simulation.Workloads;

/// <summary>
/// A map-reduce farm: each map output is cut into one part per reducer by key, the parts travel
/// straight from the workers to reducer actors (the shuffle), each reducer reduces its parts, and
/// the supervisor concatenates the reducers' outputs. <see cref="ITaskFarmWorkload.Combine"/> must
/// give the same answer without a shuffle (the inline engine and tests use it).
/// </summary>
public interface IShuffleWorkload : ITaskFarmWorkload
{
    int Reducers(WorkloadParameters parameters);

    /// <summary>Cuts a map output into exactly <paramref name="reducers"/> parts; part r holds the keys reducer r owns.</summary>
    IReadOnlyList<object> Partition(object mapOutput, int reducers);

    /// <summary>Reduces one reducer's parts, given in task-id order.</summary>
    object Reduce(IReadOnlyList<object> parts);

    /// <summary>The answer from the reducers' outputs, given in reducer order.</summary>
    object CombineReduced(WorkloadParameters parameters, IReadOnlyList<object> reduced);
}
