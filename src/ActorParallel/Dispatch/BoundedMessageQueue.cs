using System.Collections.Concurrent;
using ActorParallel.Actor;

namespace ActorParallel.Dispatch;

/// <summary>
/// A queue with a capacity. A sender that finds it full waits up to <see cref="PushTimeOut"/> for room;
/// if none appears the message goes to dead letters: a full mailbox never throws at the sender.
/// </summary>
public sealed class BoundedMessageQueue : IMessageQueue, IBoundedMessageQueueSemantics
{
    private readonly ConcurrentQueue<Envelope> _queue = new();

    // Free slots: senders take one before enqueuing, the consumer gives one back after dequeuing,
    // so the queue never holds more than the capacity.
    private readonly SemaphoreSlim _slots;
    private readonly Func<IActorRef, Envelope, bool> _onOverflow;

    public BoundedMessageQueue(int capacity, TimeSpan pushTimeOut, Func<IActorRef, Envelope, bool> onOverflow)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _slots = new SemaphoreSlim(capacity, capacity);
        PushTimeOut = pushTimeOut;
        _onOverflow = onOverflow;
    }

    public TimeSpan PushTimeOut { get; }

    public bool HasMessages => !_queue.IsEmpty;

    public int Count => _queue.Count;

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        var timeout = PushTimeOut < TimeSpan.Zero ? TimeSpan.Zero : PushTimeOut;
        if (_slots.Wait(timeout))
        {
            _queue.Enqueue(envelope);
        }
        else
        {
            _onOverflow(receiver, envelope);
        }
    }

    public bool TryDequeue(out Envelope envelope)
    {
        if (_queue.TryDequeue(out envelope))
        {
            _slots.Release();
            return true;
        }

        return false;
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope))
        {
            deadletters.Enqueue(owner, envelope);
        }
    }
}
