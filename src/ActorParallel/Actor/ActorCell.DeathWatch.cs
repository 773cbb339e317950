using ActorParallel.Dispatch.SysMsg;

namespace ActorParallel.Actor;

public sealed partial class ActorCell
{
    /// <summary>Actors we watch, each with the message to receive when it stops (null: <see cref="Terminated"/>).</summary>
    private Dictionary<IActorRef, object?>? _watching;

    /// <summary>Actors watching us.</summary>
    private HashSet<IInternalActorRef>? _watchedBy;

    /// <summary>Terminated messages told to ourselves but not yet received; Unwatch removes them so they are dropped.</summary>
    private HashSet<IActorRef>? _terminatedQueued;

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

        var watching = _watching ??= [];
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
                (_terminatedQueued ??= []).Add(actor);
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
                (_watchedBy ??= []).Add(watcher);
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

        _watchedBy = null;
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

        _watching = null;
        _terminatedQueued = null;
    }
}
