using ActorParallel.Actor;

namespace ActorParallel.Dispatch;

/// <summary>
/// An unbounded queue ordered by a priority function (lower first). When <c>stable</c>, messages of
/// equal priority keep their arrival order. Guarded by a lock: priority mailboxes trade speed for order.
/// </summary>
public sealed class PriorityMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    private readonly Func<object, int> _priority;
    private readonly bool _stable;

    // All fields below are guarded by _gate.
    private readonly Lock _gate = new();
    private readonly PriorityQueue<Envelope, (int Priority, long Sequence)> _queue = new();
    private long _sequence;

    public PriorityMessageQueue(Func<object, int> priority, bool stable)
    {
        _priority = priority;
        _stable = stable;
    }

    public bool HasMessages
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count > 0;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        var priority = _priority(envelope.Message);
        lock (_gate)
        {
            // The unstable variant still needs a tie-breaker for the heap; zero lets the heap reorder ties.
            _queue.Enqueue(envelope, (priority, _stable ? _sequence++ : 0));
        }
    }

    public bool TryDequeue(out Envelope envelope)
    {
        lock (_gate)
        {
            return _queue.TryDequeue(out envelope, out _);
        }
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope))
        {
            deadletters.Enqueue(owner, envelope);
        }
    }
}
