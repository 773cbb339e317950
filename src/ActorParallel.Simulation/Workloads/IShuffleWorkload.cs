namespace ActorParallel.Simulation.Workloads;

/// <summary>
/// A map-reduce farm: each map output is cut into partitions by key, the parts travel from the workers
/// through a consistent-hashing router to reducer actors (the shuffle), each partition is reduced by
/// the reducer that owns it, and the supervisor concatenates the reduced partitions. <see cref="ITaskFarmWorkload.Combine"/> must
/// give the same answer without a shuffle (the inline engine and tests use it).
/// </summary>
public interface IShuffleWorkload : ITaskFarmWorkload
{
    /// <summary>How many reducer actors the shuffle's router spreads the partitions over.</summary>
    int Reducers(WorkloadParameters parameters);

    /// <summary>Cuts a map output into exactly <paramref name="partitions"/> parts; part p holds the keys of partition p, the same on every node.</summary>
    IReadOnlyList<object> Partition(object mapOutput, int partitions);

    /// <summary>Reduces one partition's parts, given in task-id order.</summary>
    object Reduce(IReadOnlyList<object> parts);

    /// <summary>The answer from the reduced partitions, given in partition order.</summary>
    object CombineReduced(WorkloadParameters parameters, IReadOnlyList<object> reduced);
}
