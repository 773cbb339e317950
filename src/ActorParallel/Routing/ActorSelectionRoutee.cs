using ActorParallel.Actor;

namespace ActorParallel.Routing;

/// <summary>A routee addressed by actor selection (every group routee is one).</summary>
public sealed class ActorSelectionRoutee : Routee, IEquatable<ActorSelectionRoutee>
{
    public ActorSelectionRoutee(ActorSelection actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Selection = actor;
    }

    public ActorSelection Selection { get; }

    public override void Send(object message, IActorRef sender) => Selection.Tell(message, sender);

    public override Task<object> Ask(object message, TimeSpan? timeout) => Selection.Ask(message, timeout);

    public bool Equals(ActorSelectionRoutee? other) => other is not null && Selection.ToString() == other.Selection.ToString();

    public override bool Equals(object? obj) => obj is ActorSelectionRoutee other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Selection.ToString());

    public override string ToString() => $"ActorSelectionRoutee({Selection})";
}
