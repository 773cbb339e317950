using ActorParallel.Actor;

namespace ActorParallel.Dispatch;

/// <summary>
/// The default queue: a lock-free multi-producer, single-consumer queue of envelopes in small rings
/// that are reused while the actor keeps up (<see cref="MpscQueue{T}"/>), created on the first message
/// so that an actor that never receives user messages pays nothing for it.
/// </summary>
public sealed class UnboundedMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    // Installed once by the first Enqueue with a CAS; readers that see null simply find no messages.
    private MpscQueue<Envelope>? _queue;

    public bool HasMessages => Volatile.Read(ref _queue) is { HasItems: true };

    public int Count => Volatile.Read(ref _queue)?.Count ?? 0;

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        var queue = Volatile.Read(ref _queue) ?? Install();
        queue.Enqueue(envelope);
    }

    private MpscQueue<Envelope> Install()
    {
        // Several first senders may race here: only one queue wins and everyone uses that one.
        var fresh = new MpscQueue<Envelope>();
        return Interlocked.CompareExchange(ref _queue, fresh, null) ?? fresh;
    }

    /// <summary>Only the thread running the mailbox calls this (the queue has a single consumer).</summary>
    public bool TryDequeue(out Envelope envelope)
    {
        var queue = Volatile.Read(ref _queue);
        if (queue is null)
        {
            envelope = default;
            return false;
        }

        return queue.TryDequeue(out envelope);
    }

    /// <summary>
    /// Drains into dead letters once the owner is closed. Besides the owner's final run, senders that
    /// raced with the close call this too, so the consumers are serialised here.
    /// </summary>
    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        ArgumentNullException.ThrowIfNull(deadletters);
        var queue = Volatile.Read(ref _queue);
        if (queue is null)
        {
            return;
        }

        lock (queue)
        {
            while (queue.TryDequeue(out var envelope))
            {
                deadletters.Enqueue(owner, envelope);
            }
        }
    }
}
