using ActorParallel.Actor;

namespace ActorParallel.TestKit;

/// <summary>A message received by a TestActor, with its sender.</summary>
public abstract class MessageEnvelope
{
    public abstract object Message { get; }

    public abstract IActorRef Sender { get; }
}

/// <summary>A message that actually arrived.</summary>
public sealed class RealMessageEnvelope(object message, IActorRef sender) : MessageEnvelope
{
    public override object Message { get; } = message;

    public override IActorRef Sender { get; } = sender;

    public override string ToString() => $"<{Message}> from {Sender?.ToString() ?? "NoSender"}";
}
