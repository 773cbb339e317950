namespace ActorParallel.Actor;

/// <summary>Messages the runtime handles itself before the actor's behaviour sees them.</summary>
public interface IAutoReceivedMessage;

/// <summary>Messages that can stop or break an actor; remote systems may refuse them.</summary>
public interface IPossiblyHarmful;

/// <summary>Messages that do not reset the receive timeout.</summary>
public interface INotInfluenceReceiveTimeout;

/// <summary>Messages that are not logged when they end up in dead letters.</summary>
public interface IDeadLetterSuppression;

/// <summary>Stops the actor once it reaches this message; earlier messages are processed first.</summary>
public sealed class PoisonPill : IAutoReceivedMessage, IPossiblyHarmful, IDeadLetterSuppression
{
    public static PoisonPill Instance { get; } = new();

    private PoisonPill()
    {
    }

    public override string ToString() => "<PoisonPill>";
}

/// <summary>Makes the actor throw <see cref="ActorKilledException"/>; its supervisor decides what follows.</summary>
public sealed class Kill : IAutoReceivedMessage, IPossiblyHarmful
{
    public static Kill Instance { get; } = new();

    private Kill()
    {
    }

    public override string ToString() => "<Kill>";
}

/// <summary>Every actor answers with <see cref="ActorIdentity"/>; used to resolve selections.</summary>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage, INotInfluenceReceiveTimeout;

/// <summary>Reply to <see cref="Identify"/>; <see cref="Subject"/> is null when nothing was found.</summary>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);

/// <summary>Delivered to watchers when a watched actor has stopped.</summary>
public sealed class Terminated : IAutoReceivedMessage, IPossiblyHarmful, IDeadLetterSuppression, INotInfluenceReceiveTimeout, IEquatable<Terminated>
{
    public Terminated(IActorRef actorRef, bool existenceConfirmed, bool addressTerminated)
    {
        ActorRef = actorRef;
        ExistenceConfirmed = existenceConfirmed;
        AddressTerminated = addressTerminated;
    }

    public IActorRef ActorRef { get; }

    public bool ExistenceConfirmed { get; }

    public bool AddressTerminated { get; }

    public bool Equals(Terminated? other) =>
        other is not null && ActorRef.Equals(other.ActorRef)
        && ExistenceConfirmed == other.ExistenceConfirmed && AddressTerminated == other.AddressTerminated;

    public override bool Equals(object? obj) => obj is Terminated other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(ActorRef, ExistenceConfirmed, AddressTerminated);

    public override string ToString() => $"<Terminated>: {ActorRef} - ExistenceConfirmed={ExistenceConfirmed}";
}

/// <summary>Sent to an actor that has received nothing for its receive-timeout period.</summary>
public sealed class ReceiveTimeout : IPossiblyHarmful
{
    public static ReceiveTimeout Instance { get; } = new();

    private ReceiveTimeout()
    {
    }

    public override string ToString() => "<ReceiveTimeout>";
}

/// <summary>Reply envelopes for request/response: success with a value, or failure with a cause.</summary>
public abstract class Status : INoSerializationVerificationNeeded
{
    private Status()
    {
    }

    /// <summary>The request succeeded.</summary>
    public sealed class Success(object? status) : Status
    {
        public static readonly Success Instance = new(null);

        public object? Status { get; } = status;

        public override string ToString() => $"Success: {Status}";
    }

    /// <summary>The request failed; an Ask that receives it faults with <see cref="Cause"/>.</summary>
    public sealed class Failure(Exception cause, object? state = null) : Status
    {
        public Exception Cause { get; } = cause;

        public object? State { get; } = state;

        public override string ToString() => $"Failure: {Cause}";
    }
}
