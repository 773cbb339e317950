namespace ActorParallel.Actor;

public static class ActorRefExtensions
{
    /// <summary>True for null and <see cref="Nobody"/>.</summary>
    public static bool IsNobody(this IActorRef? actorRef) => actorRef is null or Nobody;

    /// <summary><paramref name="actorRef"/> unless it is nobody, else the fallback.</summary>
    public static IActorRef GetOrElse(this IActorRef? actorRef, Func<IActorRef> elseValue) =>
        actorRef.IsNobody() ? elseValue() : actorRef!;
}
