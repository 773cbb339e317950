using ActorParallel.Dispatch;

namespace ActorParallel.Actor;

/// <summary>
/// The stash of one actor; used only on the actor's own thread, so it needs no locking. Bounded when
/// <paramref name="capacity"/> is positive (then <see cref="Stash"/> throws <see cref="StashOverflowException"/> when full).
/// </summary>
internal sealed class ActorStash(ActorCell cell, int capacity) : IStash
{
    private readonly LinkedList<Envelope> _stashed = new();

    public int Count => _stashed.Count;

    public bool IsEmpty => _stashed.Count == 0;

    public bool NonEmpty => _stashed.Count > 0;

    public bool IsFull => _stashed.Count >= Capacity;

    public int Capacity { get; } = capacity > 0 ? capacity : int.MaxValue;

    public void Stash()
    {
        var current = cell.CurrentEnvelope;
        if (current.Message is null)
        {
            throw new IllegalActorStateException("There is no current message to stash.");
        }

        if (_stashed.Last is { } last && ReferenceEquals(last.Value.Message, current.Message)
            && ReferenceEquals(last.Value.Sender, current.Sender))
        {
            throw new IllegalActorStateException($"Can't stash the same message {current.Message} more than once.");
        }

        if (IsFull)
        {
            throw new StashOverflowException(
                $"Couldn't stash message {current.Message} from {current.Sender} in the stash of {cell.Self}: it is full (capacity {Capacity}).");
        }

        _stashed.AddLast(current);
    }

    public void Unstash()
    {
        if (_stashed.First is { } first)
        {
            _stashed.RemoveFirst();
            cell.Mailbox.EnqueueFirst(first.Value);
        }
    }

    public void UnstashAll() => UnstashAll(_ => true);

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        // Walk backwards, putting each at the front, so the mailbox ends up in stash order.
        for (var node = _stashed.Last; node is not null;)
        {
            var previous = node.Previous;
            if (predicate(node.Value))
            {
                cell.Mailbox.EnqueueFirst(node.Value);
                _stashed.Remove(node);
            }

            node = previous;
        }
    }

    public IEnumerable<Envelope> ClearStash()
    {
        var all = _stashed.ToList();
        _stashed.Clear();
        return all;
    }

    public void Prepend(IEnumerable<Envelope> envelopes)
    {
        foreach (var envelope in envelopes.Reverse())
        {
            _stashed.AddFirst(envelope);
        }
    }
}
