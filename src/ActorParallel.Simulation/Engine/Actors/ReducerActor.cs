using ActorParallel.Actor;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// One routee of the shuffle's <see cref="ActorParallel.Routing.ConsistentHashingPool"/> (wordcount). It
/// owns whichever partitions the router's hash ring gives it, and knows them only by what arrives: for each
/// partition it keeps every map task's part keyed by task id (so a retried task's part counts once), and
/// reduces the partition once the supervisor's <see cref="ReduceNow"/> for it (routed by the same key) has
/// come and all its parts are in. Reducers are interchangeable, so the pool creates them from one Props.
/// </summary>
public sealed class ReducerActor : ReceiveActor
{
    private readonly Dictionary<int, Partition> _partitions = [];

    public ReducerActor(IShuffleWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        Receive<ShufflePart>(p =>
        {
            var partition = Get(p.Partition);
            if (partition.Parts.TryAdd(p.TaskId, p.Part))
                partition.Bytes += workload.EstimateBytes(p.Part);
            TryFinish(p.Partition, partition, workload);
        });
        Receive<ReduceNow>(r =>
        {
            var partition = Get(r.Partition);
            (partition.Expected, partition.ReplyTo) = (r.Tasks, Sender);
            TryFinish(r.Partition, partition, workload);
        });
    }

    private Partition Get(int id)
    {
        if (!_partitions.TryGetValue(id, out var partition))
            _partitions.Add(id, partition = new Partition());
        return partition;
    }

    private void TryFinish(int id, Partition partition, IShuffleWorkload workload)
    {
        if (partition.Expected is not { } expected || partition.Parts.Count < expected || partition.ReplyTo is null)
            return;
        partition.ReplyTo.Tell(new Reduced(id, workload.Reduce([.. partition.Parts.Values]), partition.Parts.Count, partition.Bytes), Self);
        partition.ReplyTo = null;
    }

    /// <summary>One partition's parts in task-id order, and who wants it reduced once <see cref="Expected"/> parts are in.</summary>
    private sealed class Partition
    {
        public SortedDictionary<int, object> Parts { get; } = [];

        public long Bytes { get; set; }

        public int? Expected { get; set; }

        public IActorRef? ReplyTo { get; set; }
    }
}
