using System.Text;

namespace ActorParallel.Actor;

public sealed partial class ActorCell
{
    private const string NameChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";

    /// <summary>Children by name; allocated on first child. Guarded by locking the dictionary itself,
    /// because ActorOf on a guardian and lookups by selections come from any thread.</summary>
    private Dictionary<string, ChildRestartStats>? _children;

    /// <summary>Children we asked to stop and whose termination we have not yet seen. Guarded as <see cref="_children"/>.</summary>
    private HashSet<IActorRef>? _toDie;

    /// <summary>Why we are waiting for children to die: null (not waiting), a restart cause, or termination.</summary>
    private object? _waitingFor;

    /// <summary>No child may be added any more (the actor is stopping or stopped). Guarded as <see cref="_children"/>.</summary>
    private bool _childrenClosed;

    private long _nextNameSequence = -1;

    private static readonly object TerminationReason = new();

    private Dictionary<string, ChildRestartStats> ChildrenTable
    {
        get
        {
            var table = Volatile.Read(ref _children);
            if (table is not null)
            {
                return table;
            }

            var fresh = new Dictionary<string, ChildRestartStats>(StringComparer.Ordinal);
            return Interlocked.CompareExchange(ref _children, fresh, null) ?? fresh;
        }
    }

    public IActorRef ActorOf(Props props, string? name = null) => AttachChild(props, name, systemService: false);

    internal IInternalActorRef AttachChild(Props props, string? name, bool systemService)
    {
        ArgumentNullException.ThrowIfNull(props);
        name = name is null ? NextRandomName() : CheckName(name);
        var stats = ReserveChild(name);
        IInternalActorRef child;
        try
        {
            child = SystemImpl.Provider.ActorOf(SystemImpl, props, Self, new ChildActorPath(Self.Path, name, ActorCellUid.NewUid()), systemService);
        }
        catch
        {
            UnreserveChild(name);
            throw;
        }

        stats.Child = child;
        if (child is LocalActorRef local)
        {
            local.Start();
        }

        return child;
    }

    private string NextRandomName()
    {
        var number = Interlocked.Increment(ref _nextNameSequence);
        var builder = new StringBuilder("$");
        do
        {
            builder.Append(NameChars[(int)(number & 63)]);
            number >>= 6;
        }
        while (number != 0);
        return builder.ToString();
    }

    private static string CheckName(string name)
    {
        if (name.Length == 0)
        {
            throw new InvalidActorNameException("Actor name must not be empty.");
        }

        if (!ActorPath.IsValidPathElement(name))
        {
            throw new InvalidActorNameException(
                $"Illegal actor name [{name}]. Actor paths MUST: not start with `$`, include only ASCII letters, digits " +
                $"and these special characters: {ActorPath.ValidSymbols}");
        }

        return name;
    }

    private ChildRestartStats ReserveChild(string name)
    {
        var table = ChildrenTable;
        lock (table)
        {
            if (_childrenClosed)
            {
                throw new InvalidOperationException($"Cannot create child [{name}]: actor {Self.Path} is stopping or stopped.");
            }

            if (table.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name \"{name}\" is not unique!");
            }

            var stats = new ChildRestartStats(name);
            table.Add(name, stats);
            return stats;
        }
    }

    private void UnreserveChild(string name)
    {
        var table = ChildrenTable;
        lock (table)
        {
            table.Remove(name);
        }
    }

    /// <summary>The child with this name, or <see cref="Nobody"/>.</summary>
    public IActorRef Child(string name) => GetSingleChild(name) ?? (IActorRef)Nobody.Instance;

    internal IInternalActorRef? GetSingleChild(string name)
    {
        var table = Volatile.Read(ref _children);
        if (table is null)
        {
            return null;
        }

        // A name may carry a UID suffix (name#uid); the child must then be that incarnation.
        var hash = name.IndexOf('#', StringComparison.Ordinal);
        var uid = ActorCellUid.Undefined;
        if (hash >= 0)
        {
            _ = long.TryParse(name.AsSpan(hash + 1), out uid);
            name = name[..hash];
        }

        lock (table)
        {
            if (table.TryGetValue(name, out var stats) && stats.Child is { } child
                && (uid == ActorCellUid.Undefined || child.Path.Uid == uid))
            {
                return child;
            }
        }

        return null;
    }

    public IEnumerable<IActorRef> GetChildren() => ChildrenSnapshot();

    private IEnumerable<IActorRef> LazyChildren()
    {
        foreach (var child in ChildrenSnapshot())
        {
            yield return child;
        }
    }

    internal List<IInternalActorRef> ChildrenSnapshot()
    {
        var table = Volatile.Read(ref _children);
        if (table is null)
        {
            return [];
        }

        lock (table)
        {
            var result = new List<IInternalActorRef>(table.Count);
            foreach (var stats in table.Values)
            {
                if (stats.Child is { } child)
                {
                    result.Add(child);
                }
            }

            return result;
        }
    }

    internal List<ChildRestartStats> ChildStatsSnapshot()
    {
        var table = Volatile.Read(ref _children);
        if (table is null)
        {
            return [];
        }

        lock (table)
        {
            return [.. table.Values.Where(s => s.Child is not null)];
        }
    }

    internal ChildRestartStats? GetChildStats(IActorRef child)
    {
        var table = Volatile.Read(ref _children);
        if (table is null)
        {
            return null;
        }

        lock (table)
        {
            return table.TryGetValue(child.Path.Name, out var stats) && stats.Child is not null && stats.Child.Equals(child)
                ? stats
                : null;
        }
    }

    /// <summary>Stops a child (or, for any other reference, just asks it to stop).</summary>
    public void Stop(IActorRef child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Equals(Self))
        {
            Self.Stop();
            return;
        }

        if (GetChildStats(child) is not null)
        {
            var table = ChildrenTable;
            lock (table)
            {
                (_toDie ??= []).Add(child);
            }
        }

        (child as IInternalActorRef)?.Stop();
    }

    private bool HasChildrenToDie()
    {
        var table = Volatile.Read(ref _children);
        if (table is null)
        {
            return false;
        }

        lock (table)
        {
            return _toDie is { Count: > 0 };
        }
    }

    /// <summary>A child has stopped: free its name and finish a restart or stop that was waiting for it.</summary>
    private void HandleChildTerminated(IActorRef child)
    {
        var table = ChildrenTable;
        bool stillWaiting;
        lock (table)
        {
            if (table.TryGetValue(child.Path.Name, out var stats) && stats.Child is not null && stats.Child.Equals(child))
            {
                table.Remove(child.Path.Name);
            }

            _toDie?.Remove(child);
            stillWaiting = _toDie is { Count: > 0 };
        }

        // The children are passed lazily: most strategies ignore them, and a snapshot per termination
        // would make stopping a parent with N children cost O(N^2).
        _actor?.SupervisorStrategyInternal.HandleChildTerminated(this, child, LazyChildren());
        if (stillWaiting || _waitingFor is null)
        {
            return;
        }

        var reason = _waitingFor;
        _waitingFor = null;
        if (ReferenceEquals(reason, TerminationReason))
        {
            FinishTerminate();
        }
        else
        {
            FinishRecreate((Exception)reason);
        }
    }

    /// <summary>Stops every child and marks them all as about to die.</summary>
    private void StopAllChildren()
    {
        foreach (var child in ChildrenSnapshot())
        {
            Stop(child);
        }
    }

    private void CloseChildren()
    {
        var table = ChildrenTable;
        lock (table)
        {
            _childrenClosed = true;
        }
    }

}
