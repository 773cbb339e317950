using ActorParallel.Dispatch.SysMsg;
using ActorParallel.Event;

namespace ActorParallel.Actor;

/// <summary>
/// Where undeliverable messages go (<c>/deadLetters</c>). Each is published as <see cref="DeadLetter"/>
/// (or <see cref="SuppressedDeadLetter"/>) and counted; nothing is ever thrown back to the sender.
/// </summary>
public sealed class DeadLetterActorRef : MinimalActorRef
{
    private readonly EventStream _eventStream;
    private long _count;

    internal DeadLetterActorRef(IActorRefProvider provider, ActorPath path, EventStream eventStream)
    {
        Provider = provider;
        Path = path;
        _eventStream = eventStream;
    }

    public override ActorPath Path { get; }

    public override IActorRefProvider Provider { get; }

    /// <summary>How many dead letters this system has seen.</summary>
    public long Count => Interlocked.Read(ref _count);

    protected override void TellInternal(object message, IActorRef sender)
    {
        switch (message)
        {
            case Identify identify:
                sender?.Tell(new ActorIdentity(identify.MessageId, null), this);
                return;
            case DeadLetter deadLetter:
                Publish(deadLetter.Message, deadLetter.Sender, deadLetter.Recipient);
                return;
            case AllDeadLetters or LogEvent:
                // Never turn these into dead letters again: that could loop through a stopped subscriber.
                return;
            default:
                Publish(message, sender, this);
                return;
        }
    }

    private void Publish(object message, IActorRef sender, IActorRef recipient)
    {
        Interlocked.Increment(ref _count);
        _eventStream.Publish(message is IDeadLetterSuppression
            ? new SuppressedDeadLetter(message, sender ?? this, recipient)
            : new DeadLetter(message, sender ?? this, recipient));
    }

    public override void SendSystemMessage(ISystemMessage message)
    {
        if (message is Watch watch && !watch.Watchee.Equals(this))
        {
            // Watching something that does not exist: it is already dead.
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(watch.Watchee, existenceConfirmed: false, addressTerminated: false));
        }
    }
}
