namespace ActorParallel.Actor;

/// <summary>Something a message can be told to: an actor reference or a selection.</summary>
public interface ICanTell
{
    void Tell(object message, IActorRef sender);
}
