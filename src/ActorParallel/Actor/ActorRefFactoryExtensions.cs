namespace ActorParallel.Actor;

public static class ActorRefFactoryExtensions
{
    /// <summary>Creates an actor of a type with a parameterless constructor.</summary>
    public static IActorRef ActorOf<TActor>(this IActorRefFactory factory, string? name = null)
        where TActor : ActorBase, new() => factory.ActorOf(Props.Create<TActor>(), name);

    /// <summary>A selection relative to <paramref name="anchorRef"/>.</summary>
    public static ActorSelection ActorSelection(this IActorRefFactory factory, IActorRef anchorRef, string path) =>
        Actor.ActorSelection.Create(anchorRef, path);
}
