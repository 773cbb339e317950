namespace ActorParallel.Actor;

/// <summary>Well-known references.</summary>
public static class ActorRefs
{
    /// <summary>The reference to no actor.</summary>
    public static readonly Nobody Nobody = Nobody.Instance;

    /// <summary>"No sender": a null reference. Replies to it go to dead letters.</summary>
    public static readonly IActorRef NoSender = null!;
}
