namespace ActorParallel.Actor;

/// <summary>A path below the root: a parent path plus one name.</summary>
public sealed class ChildActorPath : ActorPath
{
    private readonly ActorPath _parent;

    public ChildActorPath(ActorPath parent, string name, long uid)
        : base(parent.Address, name, uid)
    {
        _parent = parent;
        Depth = parent.Depth + 1;
    }

    public override ActorPath Parent => _parent;

    public override ActorPath Root => _parent.Root;

    public override int Depth { get; }

    public override ActorPath WithUid(long uid) => uid == Uid ? this : new ChildActorPath(_parent, Name, uid);
}
