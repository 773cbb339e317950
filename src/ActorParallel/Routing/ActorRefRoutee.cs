using ActorParallel.Actor;

namespace ActorParallel.Routing;

/// <summary>A routee addressed by actor reference (every pool routee is one).</summary>
public sealed class ActorRefRoutee : Routee, IEquatable<ActorRefRoutee>
{
    public ActorRefRoutee(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Actor = actor;
    }

    public IActorRef Actor { get; }

    public override void Send(object message, IActorRef sender) => Actor.Tell(message, sender);

    public override Task<object> Ask(object message, TimeSpan? timeout) => Actor.Ask(message, timeout);

    public bool Equals(ActorRefRoutee? other) => other is not null && Actor.Equals(other.Actor);

    public override bool Equals(object? obj) => obj is ActorRefRoutee other && Equals(other);

    public override int GetHashCode() => Actor.GetHashCode();

    public override string ToString() => $"ActorRefRoutee({Actor})";
}
