using ActorParallel.Dispatch;

namespace ActorParallel.Actor;

/// <summary>Messages set aside by an actor to be processed later (e.g. after a Become).</summary>
public interface IStash
{
    /// <summary>Sets the current message aside.</summary>
    void Stash();

    /// <summary>Puts the oldest stashed message back at the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts every stashed message back at the front of the mailbox, in the order stashed.</summary>
    void UnstashAll();

    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Empties the stash and returns what it held.</summary>
    IEnumerable<Envelope> ClearStash();

    /// <summary>Adds envelopes in front of the stashed ones.</summary>
    void Prepend(IEnumerable<Envelope> envelopes);

    int Count { get; }

    bool IsEmpty { get; }

    bool NonEmpty { get; }

    bool IsFull { get; }

    int Capacity { get; }
}

/// <summary>Actors with a stash; the runtime sets <see cref="Stash"/> before the constructor's first message.</summary>
public interface IActorStash
{
    IStash Stash { get; set; }
}

/// <summary>An actor with an unbounded stash.</summary>
public interface IWithUnboundedStash : IActorStash, IRequiresMessageQueue<IUnboundedDequeBasedMessageQueueSemantics>;

/// <summary>An actor with a stash (unbounded here).</summary>
public interface IWithStash : IWithUnboundedStash;

/// <summary>
/// An actor with a bounded stash: capacity from <see cref="Props.WithStashCapacity"/>, else the mailbox's
/// <c>stash-capacity</c>; stashing into a full stash throws <see cref="StashOverflowException"/>.
/// </summary>
public interface IWithBoundedStash : IActorStash, IRequiresMessageQueue<IBoundedDequeBasedMessageQueueSemantics>;
