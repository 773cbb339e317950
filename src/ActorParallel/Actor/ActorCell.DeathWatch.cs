using ActorParallel.Dispatch.SysMsg;

namespace ActorParallel.Actor;

public sealed partial class ActorCell
{
    /// <summary>Death-watch bookkeeping; allocated on first watch. Touched only by the cell's own thread.</summary>
    private sealed class WatchState
    {
        /// <summary>Actors we watch, each with the message to receive when it stops (null: <see cref="Terminated"/>).</summary>
        public Dictionary<IActorRef, object?>? Watching;

        /// <summary>Actors watching us.</summary>
        public HashSet<IInternalActorRef>? WatchedBy;

        /// <summary>Terminated messages told to ourselves but not yet received; Unwatch removes them so they are dropped.</summary>
        public HashSet<IActorRef>? TerminatedQueued;
    }

    private WatchState? _watchState;

    private WatchState Watches => _watchState ??= new WatchState();

    private Dictionary<IActorRef, object?>? _watching
    {
        get => _watchState?.Watching;
        set => Watches.Watching = value;
    }

    private HashSet<IInternalActorRef>? _watchedBy
    {
        get => _watchState?.WatchedBy;
        set => Watches.WatchedBy = value;
    }

    private HashSet<IActorRef>? _terminatedQueued
    {
        get => _watchState?.TerminatedQueued;
        set => Watches.TerminatedQueued = value;
    }

    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    private IActorRef WatchCore(IActorRef subject, object? message)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Equals(Self))
        {
            return subject;
        }

        var watching = Watches.Watching ??= [];
        if (watching.TryGetValue(subject, out var existing))
        {
            if (!Equals(existing, message))
            {
                throw new InvalidOperationException(
                    $"Watch({Self}, {subject}) termination message was not overwritten from [{existing}] to [{message}]. " +
                    "Unwatch first to change the termination message.");
            }

            return subject;
        }

        watching[subject] = message;
        if (subject is IInternalActorRef watchee)
        {
            watchee.SendSystemMessage(new Watch(watchee, Self));
        }

        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_watching is not null && _watching.Remove(subject) && subject is IInternalActorRef watchee)
        {
            watchee.SendSystemMessage(new Unwatch(watchee, Self));
        }

        _terminatedQueued?.Remove(subject);
        return subject;
    }

    /// <summary>A watched actor (or a child) stopped: queue the termination message and free the child's name.</summary>
    private void WatchedActorTerminated(IActorRef actor, bool existenceConfirmed, bool addressTerminated)
    {
        if (_watching is not null && _watching.Remove(actor, out var custom) && !_isTerminating)
        {
            if (custom is null)
            {
                (Watches.TerminatedQueued ??= []).Add(actor);
                Self.Tell(new Terminated(actor, existenceConfirmed, addressTerminated), actor);
            }
            else
            {
                Self.Tell(custom, actor);
            }
        }

        if (GetChildStats(actor) is not null)
        {
            HandleChildTerminated(actor);
        }
    }

    /// <summary>A queued Terminated reached the front: deliver it unless the actor unwatched meanwhile.</summary>
    private void ReceivedTerminated(Terminated terminated)
    {
        if (_terminatedQueued is null || !_terminatedQueued.Remove(terminated.ActorRef))
        {
            return;
        }

        ReceiveMessage(terminated);
    }

    private void AddWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        var watcheeIsSelf = watchee.Equals(Self);
        var watcherIsSelf = watcher.Equals(Self);
        if (watcheeIsSelf && !watcherIsSelf)
        {
            if (_isTerminated)
            {
                watcher.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true, addressTerminated: false));
            }
            else
            {
                (Watches.WatchedBy ??= []).Add(watcher);
            }
        }
    }

    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (watchee.Equals(Self) && !watcher.Equals(Self))
        {
            _watchedBy?.Remove(watcher);
        }
    }

    private void TellWatchersWeDied()
    {
        if (_watchedBy is null)
        {
            return;
        }

        foreach (var watcher in _watchedBy)
        {
            // The parent already got its notification as our supervisor.
            if (!watcher.Equals(Parent))
            {
                watcher.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true, addressTerminated: false));
            }
        }

        Watches.WatchedBy = null;
    }

    private void UnwatchWatchedActors()
    {
        if (_watching is null)
        {
            return;
        }

        foreach (var watched in _watching.Keys)
        {
            if (watched is IInternalActorRef watchee)
            {
                watchee.SendSystemMessage(new Unwatch(watchee, Self));
            }
        }

        Watches.Watching = null;
        Watches.TerminatedQueued = null;
    }
}
