using ActorParallel.Event;

namespace ActorParallel.Actor;

/// <summary>
/// How a supervisor handles its children's failures. <see cref="OneForOneStrategy"/> applies the
/// directive to the failed child only; <see cref="AllForOneStrategy"/> to all children.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Restart on any exception, except: initialization failure, Kill and death pact stop the child.</summary>
    public static IDecider DefaultDecider { get; } = ActorParallel.Actor.Decider.From(cause => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    });

    /// <summary>One-for-one with <see cref="DefaultDecider"/> and unlimited restarts.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops a child on any failure.</summary>
    public static OneForOneStrategy StoppingStrategy { get; } = new(_ => Directive.Stop);

    public abstract IDecider Decider { get; }

    /// <summary>Whether failures are logged (errors for restart/stop, warnings for resume).</summary>
    protected bool LoggingEnabled { get; init; } = true;

    /// <summary>Applies the decider; false means escalate.</summary>
    public bool HandleFailure(IActorContext actorCell, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyCollection<ChildRestartStats> children)
    {
        var directive = Decider.Decide(cause);
        switch (directive)
        {
            case Directive.Resume:
                LogFailure(actorCell, child, cause, directive);
                ((IInternalActorRef)child).Resume(cause);
                return true;
            case Directive.Restart:
                LogFailure(actorCell, child, cause, directive);
                ProcessFailure(actorCell, restart: true, child, cause, stats, children);
                return true;
            case Directive.Stop:
                LogFailure(actorCell, child, cause, directive);
                ProcessFailure(actorCell, restart: false, child, cause, stats, children);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Carries out a restart (if permitted by the retry limits) or a stop.</summary>
    protected abstract void ProcessFailure(IActorContext context, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyCollection<ChildRestartStats> children);

    /// <summary>Called when a child has stopped.</summary>
    public virtual void HandleChildTerminated(IActorContext actorContext, IActorRef child, IEnumerable<IActorRef> children)
    {
    }

    protected static void RestartChild(IActorRef child, Exception cause, bool suspendFirst)
    {
        var internalChild = (IInternalActorRef)child;
        if (suspendFirst)
        {
            internalChild.Suspend();
        }

        internalChild.Restart(cause);
    }

    protected virtual void LogFailure(IActorContext context, IActorRef child, Exception cause, Directive directive)
    {
        if (!LoggingEnabled)
        {
            return;
        }

        var message = cause is ActorInitializationException { InnerException: { } inner } ? inner.Message : cause.Message;
        var source = child.Path.ToString();
        context.System.EventStream.Publish(directive == Directive.Resume
            ? new Warning(cause, source, GetType(), message)
            : new Error(cause, source, GetType(), message));
    }

    internal static int ToMilliseconds(TimeSpan? within) =>
        within is { } w && w > TimeSpan.Zero && w != Timeout.InfiniteTimeSpan ? (int)Math.Min(int.MaxValue, w.TotalMilliseconds) : -1;
}
