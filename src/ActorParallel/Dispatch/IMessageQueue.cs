using ActorParallel.Actor;

namespace ActorParallel.Dispatch;

/// <summary>
/// The user-message queue of one mailbox. <see cref="Enqueue"/> is called by any number of threads;
/// <see cref="TryDequeue"/> only by the single thread that currently runs the mailbox.
/// </summary>
public interface IMessageQueue
{
    bool HasMessages { get; }

    int Count { get; }

    void Enqueue(IActorRef receiver, Envelope envelope);

    bool TryDequeue(out Envelope envelope);

    /// <summary>Empties the queue into <paramref name="deadletters"/> when the owner has stopped.</summary>
    void CleanUp(IActorRef owner, IMessageQueue deadletters);
}

/// <summary>Marker for queues that never block or drop.</summary>
public interface IUnboundedMessageQueueSemantics;

/// <summary>Marker for queues with a capacity.</summary>
public interface IBoundedMessageQueueSemantics
{
    TimeSpan PushTimeOut { get; }
}

/// <summary>Marker for queues that can put messages back at the front (needed by stash).</summary>
public interface IDequeBasedMessageQueueSemantics
{
    void EnqueueFirst(Envelope envelope);
}

/// <summary>Marker for unbounded deque-based queues.</summary>
public interface IUnboundedDequeBasedMessageQueueSemantics : IDequeBasedMessageQueueSemantics, IUnboundedMessageQueueSemantics;

/// <summary>Marker for bounded deque-based queues.</summary>
public interface IBoundedDequeBasedMessageQueueSemantics : IDequeBasedMessageQueueSemantics, IBoundedMessageQueueSemantics;

/// <summary>
/// Declares the queue semantics an actor needs from its mailbox; mapped to a mailbox through
/// <c>actorparallel.actor.mailbox.requirements</c> when nothing else names one.
/// </summary>
public interface IRequiresMessageQueue<T>;
