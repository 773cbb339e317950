using ActorParallel.Actor;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// One reducer of a shuffle (wordcount): collects the part of every map task's output that hashes to
/// it, keyed by task id so a retried task's parts count once, and reduces once the supervisor says all
/// tasks are done and every part has arrived. Keys are routed with <see cref="StableHash"/> by the
/// workers (our own consistent partitioning until the runtime's consistent-hashing router exists).
/// </summary>
public sealed class ReducerActor : ReceiveActor
{
    private readonly SortedDictionary<int, object> _parts = [];
    private long _bytes;
    private int? _expected;
    private IActorRef? _replyTo;

    public ReducerActor(int id, IShuffleWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        Receive<ShufflePart>(p =>
        {
            if (_parts.TryAdd(p.TaskId, p.Part))
                _bytes += workload.EstimateBytes(p.Part);
            TryFinish(id, workload);
        });
        Receive<ReduceNow>(r =>
        {
            (_expected, _replyTo) = (r.Tasks, Sender);
            TryFinish(id, workload);
        });
    }

    private void TryFinish(int id, IShuffleWorkload workload)
    {
        if (_expected is not { } expected || _parts.Count < expected || _replyTo is null)
            return;
        _replyTo.Tell(new Reduced(id, workload.Reduce([.. _parts.Values]), _parts.Count, _bytes), Self);
        _replyTo = null;
    }
}
