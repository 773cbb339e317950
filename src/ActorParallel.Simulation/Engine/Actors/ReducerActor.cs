using Akka.Actor;
using Akka.Routing;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// One routee of the shuffle's <see cref="Akka.Routing.ConsistentHashingPool"/> (wordcount). It
/// owns whichever partitions the router's hash ring gives it, and knows them only by what arrives: for each
/// partition it keeps every map task's part keyed by task id (so a retried task's part counts once), and
/// reduces the partition once the supervisor's <see cref="ReduceNow"/> for it (routed by the same key) has
/// come and all its parts are in. Reducers are interchangeable, so the pool creates them from one Props.
/// If the workload throws on a partition (sizing a part or reducing it), the reducer answers that partition's
/// <see cref="ReduceNow"/> with <see cref="ReduceFailed"/> naming it, and the supervisor fails the job at once:
/// reducing is pure, so a retry would throw again, and a restarted reducer would have lost the parts.
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
            if (partition.Error is null && partition.Parts.TryAdd(p.TaskId, p.Part))
            {
                try
                {
                    partition.Bytes += workload.EstimateBytes(p.Part);
                }
                catch (Exception e)
                {
                    partition.Error = $"sizing the part of map task {p.TaskId} threw {e.GetType().Name}: {e.Message}";
                }
            }

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
        if (partition.ReplyTo is not { } replyTo)
            return;
        if (partition.Error is null && (partition.Expected is not { } expected || partition.Parts.Count < expected))
            return;
        partition.ReplyTo = null;
        if (partition.Error is null)
        {
            try
            {
                replyTo.Tell(new Reduced(id, workload.Reduce([.. partition.Parts.Values]), partition.Parts.Count, partition.Bytes), Self);
                return;
            }
            catch (Exception e)
            {
                partition.Error = $"reducing its {partition.Parts.Count} parts threw {e.GetType().Name}: {e.Message}";
            }
        }

        replyTo.Tell(new ReduceFailed(id, partition.Error), Self);
    }

    /// <summary>One partition's parts in task-id order, and who wants it reduced once <see cref="Expected"/> parts are in.</summary>
    private sealed class Partition
    {
        public SortedDictionary<int, object> Parts { get; } = [];

        public long Bytes { get; set; }

        public int? Expected { get; set; }

        public IActorRef? ReplyTo { get; set; }

        /// <summary>Set when the workload threw on this partition; reported instead of a result.</summary>
        public string? Error { get; set; }
    }
}
