namespace ActorParallel.Actor;

/// <summary>Creates actors and selections: the actor system (top-level actors) or an actor's context (children).</summary>
public interface IActorRefFactory
{
    IActorRef ActorOf(Props props, string? name = null);

    ActorSelection ActorSelection(string actorPath);

    ActorSelection ActorSelection(ActorPath actorPath);
}
