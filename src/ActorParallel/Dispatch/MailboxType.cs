using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Dispatch;

/// <summary>
/// A kind of mailbox, named in configuration by <c>mailbox-type</c>. Subclasses need a public
/// constructor taking (<see cref="Actor.Settings"/>, <see cref="Config"/>).
/// </summary>
public abstract class MailboxType
{
    protected MailboxType(Settings? settings, Config? config)
    {
        Settings = settings;
        Config = config;
    }

    public Settings? Settings { get; }

    public Config? Config { get; }

    /// <summary>Creates the queue for one actor.</summary>
    public abstract IMessageQueue Create(IActorRef? owner, ActorSystem? system);
}

/// <summary>The default: an unbounded lock-free queue.</summary>
public sealed class UnboundedMailbox : MailboxType
{
    public UnboundedMailbox()
        : base(null, null)
    {
    }

    public UnboundedMailbox(Settings? settings, Config? config)
        : base(settings, config)
    {
    }

    public override IMessageQueue Create(IActorRef? owner, ActorSystem? system) => new UnboundedMessageQueue();
}

/// <summary>Unbounded; kept as a separate name because stash-using actors ask for deque semantics in Akka.</summary>
public sealed class UnboundedDequeBasedMailbox : MailboxType, IDequeBasedMailboxType
{
    public UnboundedDequeBasedMailbox(Settings? settings, Config? config)
        : base(settings, config)
    {
    }

    public override IMessageQueue Create(IActorRef? owner, ActorSystem? system) => new UnboundedMessageQueue();
}

/// <summary>
/// At most <c>mailbox-capacity</c> messages; a sender finding it full waits up to
/// <c>mailbox-push-timeout-time</c>, then the message goes to dead letters.
/// </summary>
public sealed class BoundedMailbox : MailboxType
{
    public BoundedMailbox(Settings? settings, Config? config)
        : base(settings, config)
    {
        Capacity = config?.GetInt("mailbox-capacity", 1000) ?? 1000;
        PushTimeOut = config?.GetTimeSpan("mailbox-push-timeout-time", TimeSpan.FromSeconds(10), allowInfinite: false) ?? TimeSpan.FromSeconds(10);
        if (Capacity <= 0)
        {
            throw new ConfigurationException($"'mailbox-capacity = {Capacity}': a bounded mailbox needs a capacity of at least 1.");
        }
    }

    public int Capacity { get; }

    public TimeSpan PushTimeOut { get; }

    public override IMessageQueue Create(IActorRef? owner, ActorSystem? system)
    {
        var deadLetters = system?.DeadLetters;
        return new BoundedMessageQueue(Capacity, PushTimeOut, (receiver, envelope) =>
        {
            deadLetters?.Tell(new Event.DeadLetter(envelope.Message, envelope.Sender ?? deadLetters, receiver), envelope.Sender!);
            return false;
        });
    }
}

/// <summary>
/// Bounded like <see cref="BoundedMailbox"/> (<c>mailbox-capacity</c>, <c>mailbox-push-timeout-time</c>) and
/// able to put messages back at the front, as bounded stashes need.
/// </summary>
public sealed class BoundedDequeBasedMailbox : MailboxType, IDequeBasedMailboxType
{
    private readonly BoundedMailbox _bounded;

    public BoundedDequeBasedMailbox(Settings? settings, Config? config)
        : base(settings, config)
    {
        _bounded = new BoundedMailbox(settings, config);
    }

    public int Capacity => _bounded.Capacity;

    public TimeSpan PushTimeOut => _bounded.PushTimeOut;

    public override IMessageQueue Create(IActorRef? owner, ActorSystem? system) => _bounded.Create(owner, system);
}

/// <summary>Unbounded, ordered by <see cref="PriorityGenerator"/> (lower first); equal priorities in any order.</summary>
public abstract class UnboundedPriorityMailbox : MailboxType
{
    protected UnboundedPriorityMailbox(Settings? settings, Config? config)
        : base(settings, config)
    {
    }

    protected abstract int PriorityGenerator(object message);

    public override IMessageQueue Create(IActorRef? owner, ActorSystem? system) => new PriorityMessageQueue(PriorityGenerator, stable: false);
}

/// <summary>Unbounded, ordered by <see cref="PriorityGenerator"/> (lower first); equal priorities keep arrival order.</summary>
public abstract class UnboundedStablePriorityMailbox : MailboxType
{
    protected UnboundedStablePriorityMailbox(Settings? settings, Config? config)
        : base(settings, config)
    {
    }

    protected abstract int PriorityGenerator(object message);

    public override IMessageQueue Create(IActorRef? owner, ActorSystem? system) => new PriorityMessageQueue(PriorityGenerator, stable: true);
}

/// <summary>
/// Marks the mailbox types whose mailboxes provide <see cref="IDequeBasedMessageQueueSemantics"/>: the front
/// insertion is done by <see cref="Mailbox"/> itself, so the queue they create only carries the bounded/unbounded part.
/// </summary>
internal interface IDequeBasedMailboxType;
