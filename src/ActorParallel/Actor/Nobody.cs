namespace ActorParallel.Actor;

/// <summary>The reference to no actor: messages to it are dropped; what lookups return when nothing matched.</summary>
public sealed class Nobody : MinimalActorRef
{
    public static Nobody Instance { get; } = new();

    private static readonly ActorPath NobodyPath = new RootActorPath(new Address("actorparallel", "all-systems"), "/Nobody/");

    private Nobody()
    {
    }

    public override ActorPath Path => NobodyPath;

    public override IActorRefProvider Provider => throw new NotSupportedException("Nobody does not provide");
}
