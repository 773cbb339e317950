namespace ActorParallel.Actor;

/// <summary>
/// Applies the directive to the failed child only. A restart is allowed at most
/// <see cref="MaxNumberOfRetries"/> times within <see cref="WithinTimeRangeMilliseconds"/>
/// (-1: unlimited / no window); past that the child is stopped.
/// </summary>
public class OneForOneStrategy : SupervisorStrategy
{
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> localOnlyDecider)
        : this(maxNrOfRetries ?? -1, ToMilliseconds(withinTimeRange), new LocalOnlyDecider(localOnlyDecider))
    {
    }

    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider)
        : this(maxNrOfRetries ?? -1, ToMilliseconds(withinTimeRange), decider)
    {
    }

    public OneForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, Func<Exception, Directive> localOnlyDecider, bool loggingEnabled = true)
        : this(maxNrOfRetries, withinTimeMilliseconds, new LocalOnlyDecider(localOnlyDecider), loggingEnabled)
    {
    }

    public OneForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, IDecider decider, bool loggingEnabled = true)
    {
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRangeMilliseconds = withinTimeMilliseconds;
        Decider = decider ?? throw new ArgumentNullException(nameof(decider));
        LoggingEnabled = loggingEnabled;
    }

    public OneForOneStrategy(Func<Exception, Directive> localOnlyDecider)
        : this(-1, -1, localOnlyDecider)
    {
    }

    public OneForOneStrategy(Func<Exception, Directive> localOnlyDecider, bool loggingEnabled)
        : this(-1, -1, localOnlyDecider, loggingEnabled)
    {
    }

    public OneForOneStrategy(IDecider decider)
        : this(-1, -1, decider)
    {
    }

    public int MaxNumberOfRetries { get; }

    public int WithinTimeRangeMilliseconds { get; }

    public override IDecider Decider { get; }

    public OneForOneStrategy WithMaxNrOfRetries(int maxNrOfRetries) =>
        new(maxNrOfRetries, WithinTimeRangeMilliseconds, Decider, LoggingEnabled);

    protected override void ProcessFailure(IActorContext context, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyCollection<ChildRestartStats> children)
    {
        if (restart && stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRangeMilliseconds))
        {
            RestartChild(child, cause, suspendFirst: false);
        }
        else
        {
            context.Stop(child);
        }
    }
}
