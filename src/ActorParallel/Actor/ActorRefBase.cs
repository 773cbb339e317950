namespace ActorParallel.Actor;

/// <summary>Equality, ordering and printing shared by every reference: by path, then UID.</summary>
public abstract class ActorRefBase : IActorRef
{
    public abstract ActorPath Path { get; }

    public void Tell(object message, IActorRef sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        TellInternal(message, sender);
    }

    protected abstract void TellInternal(object message, IActorRef sender);

    public bool Equals(IActorRef? other) =>
        other is not null && Path.Uid == other.Path.Uid && Path.Equals(other.Path);

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Path.Uid, Path.GetHashCode());

    public int CompareTo(IActorRef? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byPath = Path.CompareTo(other.Path);
        return byPath != 0 ? byPath : Path.Uid.CompareTo(other.Path.Uid);
    }

    public int CompareTo(object? obj) => obj is IActorRef other ? CompareTo(other) : 1;

    public override string ToString() =>
        Path.Uid == ActorCellUid.Undefined ? $"[{Path}]" : $"[{Path}#{Path.Uid}]";
}
