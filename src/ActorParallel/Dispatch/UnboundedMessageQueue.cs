using System.Collections.Concurrent;
using ActorParallel.Actor;

namespace ActorParallel.Dispatch;

/// <summary>
/// The default queue: a lock-free <see cref="ConcurrentQueue{T}"/> of envelopes, created on the first
/// message so that an actor that never receives user messages pays nothing for it.
/// </summary>
public sealed class UnboundedMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    // Installed once by the first Enqueue with a CAS; readers that see null simply find no messages.
    private ConcurrentQueue<Envelope>? _queue;

    public bool HasMessages => Volatile.Read(ref _queue) is { IsEmpty: false };

    public int Count => Volatile.Read(ref _queue)?.Count ?? 0;

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        var queue = Volatile.Read(ref _queue) ?? Install();
        queue.Enqueue(envelope);
    }

    private ConcurrentQueue<Envelope> Install()
    {
        // Several first senders may race here: only one queue wins and everyone uses that one.
        var fresh = new ConcurrentQueue<Envelope>();
        return Interlocked.CompareExchange(ref _queue, fresh, null) ?? fresh;
    }

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

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope))
        {
            deadletters.Enqueue(owner, envelope);
        }
    }
}
