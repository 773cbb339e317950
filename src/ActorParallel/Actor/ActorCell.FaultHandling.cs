using ActorParallel.Dispatch.SysMsg;
using ActorParallel.Event;

namespace ActorParallel.Actor;

public sealed partial class ActorCell
{
    /// <summary>Set while this actor is failed and waiting for its supervisor's decision.</summary>
    private bool _isFailed;

    /// <summary>The message whose processing failed, handed to PreRestart.</summary>
    private object? _failedMessage;

    /// <summary>The child whose failure we escalated, if that is why we failed.</summary>
    private IActorRef? _failedChild;

    /// <summary>Stop has begun (children are being stopped, or PostStop has run).</summary>
    private bool _isTerminating;

    /// <summary>PostStop has run and the mailbox is closed.</summary>
    private bool _isTerminated;

    internal bool IsTerminated => _isTerminated;

    internal bool IsTerminating => _isTerminating;

    /// <summary>
    /// The actor threw: suspend it and its children and tell the parent, which decides
    /// (resume, restart, stop, escalate). The failing message is not retried.
    /// </summary>
    internal void HandleInvokeFailure(Exception cause, IActorRef? failedChild = null)
    {
        if (_isTerminating || _isFailed)
        {
            // Already stopping, or a decision for an earlier failure is pending: just report it.
            Publish(new Error(cause, Self.Path.ToString(), _actor?.GetType() ?? GetType(), cause.Message));
            return;
        }

        _isFailed = true;
        _failedMessage = _currentEnvelope.Message;
        _failedChild = failedChild;
        Mailbox.Suspend();
        foreach (var child in ChildrenSnapshot())
        {
            // A child whose failure we escalate is already suspended by its own failure.
            if (!child.Equals(failedChild))
            {
                child.Suspend();
            }
        }

        CancelReceiveTimeout();
        Parent.SendSystemMessage(new Failed(Self, cause, Self.Path.Uid));
    }

    /// <summary>A child failed: apply our supervisor strategy; if it escalates, we fail with the same cause.</summary>
    private void HandleFailed(Failed failed)
    {
        var stats = GetChildStats(failed.Child);
        if (stats is null || failed.Child.Path.Uid != failed.Uid)
        {
            // A stale report from a child that has since been replaced or stopped.
            return;
        }

        var strategy = _actor?.SupervisorStrategyInternal ?? SupervisorStrategy.DefaultStrategy;
        if (!strategy.HandleFailure(this, failed.Child, failed.Cause, stats, ChildStatsSnapshot()))
        {
            // Escalate: we fail with the child's cause and our own supervisor decides for both of us.
            HandleInvokeFailure(failed.Cause, failed.Child);
        }
    }

    private void FaultSuspend()
    {
        Mailbox.Suspend();
        foreach (var child in ChildrenSnapshot())
        {
            child.Suspend();
        }
    }

    private void FaultResume(Exception? causedByFailure)
    {
        if (_actor is null && causedByFailure is not null)
        {
            // Resuming an actor that failed during creation makes no sense: restart it instead.
            FaultRecreate(causedByFailure);
            return;
        }

        var failedChild = _failedChild;
        if (causedByFailure is not null)
        {
            _isFailed = false;
            _failedMessage = null;
            _failedChild = null;
        }

        Mailbox.Resume();
        foreach (var child in ChildrenSnapshot())
        {
            // Only the child whose failure we escalated gets the cause: that clears its failed state too.
            child.Resume(child.Equals(failedChild) ? causedByFailure : null);
        }

        // Messages may have arrived while suspended and nobody scheduled us for them.
        Dispatcher.RegisterForExecution(Mailbox, hasMessageHint: false, hasSystemMessageHint: false);
    }

    /// <summary>Restart: PreRestart on the old instance (default stops children), then wait for children, then a fresh instance.</summary>
    private void FaultRecreate(Exception cause)
    {
        if (_isTerminating)
        {
            return;
        }

        var failedActor = _actor;
        if (failedActor is not null)
        {
            // Stashed messages survive the restart: they go back to the front of the mailbox.
            _stash?.UnstashAll();
            var previous = Current;
            Current = this;
            try
            {
                failedActor.AroundPreRestart(cause, _failedMessage);
            }
            catch (Exception preRestartFailure)
            {
                Publish(new Error(new PreRestartException(Self, preRestartFailure, cause, _failedMessage),
                    Self.Path.ToString(), failedActor.GetType(), "Exception in PreRestart"));
            }
            finally
            {
                Current = previous;
                ClearActorState();
                Props.Release(failedActor);
            }
        }

        if (HasChildrenToDie())
        {
            Container.WaitingFor = cause;
        }
        else
        {
            FinishRecreate(cause);
        }
    }

    private void FinishRecreate(Exception cause)
    {
        var survivors = ChildrenSnapshot();
        _isFailed = false;
        _failedMessage = null;
        _failedChild = null;
        _incarnation++;
        try
        {
            var fresh = NewActor();
            fresh.AroundPostRestart(cause, null);
            if (SystemImpl.Settings.DebugLifecycle)
            {
                Publish(new Debug(Self.Path.ToString(), fresh.GetType(), "Restarted (" + fresh + ")"));
            }
        }
        catch (Exception restartFailure)
        {
            Mailbox.Resume();
            _actor = null;
            HandleInvokeFailure(new PostRestartException(Self, restartFailure, cause));
            return;
        }

        Mailbox.Resume();
        foreach (var child in survivors)
        {
            child.Restart(cause);
        }

        Dispatcher.RegisterForExecution(Mailbox, hasMessageHint: false, hasSystemMessageHint: false);
    }

    /// <summary>Cancels what belongs to one incarnation: behaviours, timers, receive timeout.</summary>
    private void ClearActorState()
    {
        _behaviors = null;
        _timers?.CancelAll();
        CancelReceiveTimeout();
        _receiveTimeout = null;
        _actor = null;
    }

    /// <summary>Stop: children first, then PostStop, then tell the parent and watchers.</summary>
    private void Terminate()
    {
        if (_isTerminating)
        {
            return;
        }

        _isTerminating = true;
        CancelReceiveTimeout();
        UnwatchWatchedActors();
        // No more user messages; the ones left go to dead letters when the mailbox closes.
        Mailbox.Suspend();
        CloseChildren();
        StopAllChildren();
        if (HasChildrenToDie())
        {
            Container.WaitingFor = TerminationReason;
        }
        else
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        try
        {
            if (actor is not null)
            {
                var previous = Current;
                Current = this;
                try
                {
                    actor.AroundPostStop();
                }
                finally
                {
                    Current = previous;
                }
            }
        }
        catch (Exception cause)
        {
            Publish(new Error(cause, Self.Path.ToString(), actor!.GetType(), "Exception in PostStop"));
        }
        finally
        {
            _isTerminated = true;
            if (actor is not null)
            {
                Props.Release(actor);
            }

            var discarded = _stash?.ClearStash();
            ClearActorState();
            Mailbox.BecomeClosed(Self, SystemImpl.DeadLetterQueue, HandleDeadSystemMessage);
            if (discarded is not null)
            {
                foreach (var envelope in discarded)
                {
                    SystemImpl.DeadLetterQueue.Enqueue(Self, envelope);
                }
            }

            Dispatcher.Detach(this);
            Parent.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true, addressTerminated: false));
            TellWatchersWeDied();
            if (SystemImpl.Settings.DebugLifecycle)
            {
                Publish(new Debug(Self.Path.ToString(), actor?.GetType() ?? GetType(), "Stopped"));
            }
        }
    }

    /// <summary>A system message reached this actor after it stopped; answer watches, drop the rest.</summary>
    internal void HandleDeadSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && watch.Watchee.Equals(Self) && !watch.Watcher.Equals(Self))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true, addressTerminated: false));
        }
    }
}
