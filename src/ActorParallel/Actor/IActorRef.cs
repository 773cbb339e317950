namespace ActorParallel.Actor;

/// <summary>An immutable, shareable handle to an actor. Equal when path and UID are equal.</summary>
public interface IActorRef : ICanTell, IEquatable<IActorRef>, IComparable<IActorRef>, IComparable
{
    ActorPath Path { get; }
}
