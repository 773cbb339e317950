using ActorParallel.Actor;

namespace ActorParallel.Dispatch;

/// <summary>A user message together with the actor that sent it; a struct so queuing it allocates nothing.</summary>
public readonly struct Envelope
{
    public Envelope(object message, IActorRef? sender)
    {
        Message = message ?? throw new ArgumentNullException(nameof(message), "Messages must not be null.");
        Sender = sender ?? ActorRefs.NoSender;
    }

    public object Message { get; }

    public IActorRef Sender { get; }

    public override string ToString() => $"<{Message}> from {Sender?.ToString() ?? "NoSender"}";
}
