namespace ActorParallel.Actor;

public sealed partial class ActorCell
{
    private const string NameChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";

    /// <summary>
    /// Children and the bookkeeping of stopping them; allocated on first use so that an actor without
    /// children pays one null field. Every field is guarded by locking the container, because ActorOf
    /// on a guardian and lookups by selections come from any thread.
    /// </summary>
    private sealed class ChildrenContainer
    {
        public readonly Dictionary<string, ChildRestartStats> Table = new(StringComparer.Ordinal);

        /// <summary>Children we asked to stop and whose termination we have not yet seen.</summary>
        public HashSet<IActorRef>? ToDie;

        /// <summary>Why the cell waits for children to die: null, a restart cause, or <see cref="TerminationReason"/>.
        /// Only the cell's own thread touches it.</summary>
        public object? WaitingFor;

        /// <summary>No child may be added any more (the actor is stopping or stopped).</summary>
        public bool Closed;

        public long NextNameSequence = -1;
    }

    private ChildrenContainer? _childrenContainer;

    private static readonly object TerminationReason = new();

    private ChildrenContainer Container
    {
        get
        {
            var container = Volatile.Read(ref _childrenContainer);
            if (container is not null)
            {
                return container;
            }

            // Racing creators (a guardian's ActorOf from several threads) agree on the first one installed.
            var fresh = new ChildrenContainer();
            return Interlocked.CompareExchange(ref _childrenContainer, fresh, null) ?? fresh;
        }
    }

    private Dictionary<string, ChildRestartStats> ChildrenTable => Container.Table;

    private Dictionary<string, ChildRestartStats>? ExistingChildren => Volatile.Read(ref _childrenContainer)?.Table;

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
        var number = Interlocked.Increment(ref Container.NextNameSequence);
        Span<char> buffer = stackalloc char[12];
        buffer[0] = '$';
        var length = 1;
        do
        {
            buffer[length++] = NameChars[(int)(number & 63)];
            number >>= 6;
        }
        while (number != 0);
        return new string(buffer[..length]);
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
            if (Container.Closed)
            {
                throw new InvalidOperationException($"Cannot create child [{name}]: actor {Self.Path} is stopping or stopped.");
            }

            if (table.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name \"{name}\" is not unique!");
            }

            var stats = new ChildRestartStats();
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
        var table = ExistingChildren;
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
        var table = ExistingChildren;
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
        var table = ExistingChildren;
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
        var table = ExistingChildren;
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
                (Container.ToDie ??= []).Add(child);
            }
        }

        (child as IInternalActorRef)?.Stop();
    }

    private bool HasChildrenToDie()
    {
        var table = ExistingChildren;
        if (table is null)
        {
            return false;
        }

        lock (table)
        {
            return Container.ToDie is { Count: > 0 };
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

            Container.ToDie?.Remove(child);
            stillWaiting = Container.ToDie is { Count: > 0 };
        }

        // The children are passed lazily: most strategies ignore them, and a snapshot per termination
        // would make stopping a parent with N children cost O(N^2).
        _actor?.SupervisorStrategyInternal.HandleChildTerminated(this, child, LazyChildren());
        var container = Container;
        if (stillWaiting || container.WaitingFor is null)
        {
            return;
        }

        var reason = container.WaitingFor;
        container.WaitingFor = null;
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
            Container.Closed = true;
        }
    }

}
