namespace ActorParallel.Actor;

/// <summary>The actor system as seen by the runtime's own modules (remote, cluster, routers, TestKit).</summary>
public abstract class ExtendedActorSystem : ActorSystem
{
    public abstract IActorRefProvider Provider { get; }

    public abstract IInternalActorRef Guardian { get; }

    public abstract IInternalActorRef SystemGuardian { get; }

    /// <summary>Creates an actor below /system.</summary>
    public abstract IActorRef SystemActorOf(Props props, string? name = null);

    /// <summary>The actor tree, one actor per line (for debugging).</summary>
    public abstract string PrintTree();
}
