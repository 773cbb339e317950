namespace ActorParallel.Actor;

/// <summary>Creates a stash for an actor that manages one explicitly.</summary>
public static class StashFactory
{
    public static IStash CreateStash<T>(this IActorContext context)
        where T : ActorBase => ((ActorCell)context).GetOrCreateStash();
}
