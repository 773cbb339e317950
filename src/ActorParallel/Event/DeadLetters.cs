using ActorParallel.Actor;

namespace ActorParallel.Event;

/// <summary>A message that reached no actor: its common shape for dead and unhandled letters.</summary>
public abstract class AllDeadLetters(object message, IActorRef sender, IActorRef recipient)
{
    public object Message { get; } = message;

    public IActorRef Sender { get; } = sender;

    public IActorRef Recipient { get; } = recipient;

    public override string ToString() => $"{GetType().Name} from {Sender} to {Recipient}: <{Message}>";
}

/// <summary>A message sent to a stopped or non-existent actor, or dropped by a full mailbox.</summary>
public sealed class DeadLetter(object message, IActorRef sender, IActorRef recipient) : AllDeadLetters(message, sender, recipient);

/// <summary>A message an actor did not handle.</summary>
public sealed class UnhandledMessage(object message, IActorRef sender, IActorRef recipient) : AllDeadLetters(message, sender, recipient);

/// <summary>A dead letter whose message asked not to be logged (<see cref="IDeadLetterSuppression"/>).</summary>
public sealed class SuppressedDeadLetter(object message, IActorRef sender, IActorRef recipient) : AllDeadLetters(message, sender, recipient);
