namespace ActorParallel.Actor;

/// <summary>The root of a system's actor tree: just the address.</summary>
public sealed class RootActorPath : ActorPath
{
    public RootActorPath(Address address, string name = "")
        : base(address, name, ActorCellUid.Undefined)
    {
    }

    public override ActorPath Parent => this;

    public override ActorPath Root => this;

    public override int Depth => 0;

    public override ActorPath WithUid(long uid) =>
        uid == ActorCellUid.Undefined ? this : throw new InvalidOperationException("The root path has no UID.");
}
