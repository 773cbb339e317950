namespace ActorParallel.Actor;

/// <summary>Applies the directive to every child when one fails (for children that only make sense together).</summary>
public class AllForOneStrategy : SupervisorStrategy
{
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> localOnlyDecider)
        : this(maxNrOfRetries ?? -1, ToMilliseconds(withinTimeRange), new LocalOnlyDecider(localOnlyDecider))
    {
    }

    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider)
        : this(maxNrOfRetries ?? -1, ToMilliseconds(withinTimeRange), decider)
    {
    }

    public AllForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, Func<Exception, Directive> localOnlyDecider, bool loggingEnabled = true)
        : this(maxNrOfRetries, withinTimeMilliseconds, new LocalOnlyDecider(localOnlyDecider), loggingEnabled)
    {
    }

    public AllForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, IDecider decider, bool loggingEnabled = true)
    {
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRangeMilliseconds = withinTimeMilliseconds;
        Decider = decider ?? throw new ArgumentNullException(nameof(decider));
        LoggingEnabled = loggingEnabled;
    }

    public AllForOneStrategy(Func<Exception, Directive> localOnlyDecider)
        : this(-1, -1, localOnlyDecider)
    {
    }

    public AllForOneStrategy(IDecider decider)
        : this(-1, -1, decider)
    {
    }

    public int MaxNumberOfRetries { get; }

    public int WithinTimeRangeMilliseconds { get; }

    public override IDecider Decider { get; }

    protected override void ProcessFailure(IActorContext context, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyCollection<ChildRestartStats> children)
    {
        if (children.Count == 0)
        {
            return;
        }

        if (restart && children.All(c => c.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRangeMilliseconds)))
        {
            foreach (var sibling in children)
            {
                RestartChild(sibling.Child, cause, suspendFirst: !sibling.Child.Equals(child));
            }
        }
        else
        {
            foreach (var sibling in children)
            {
                context.Stop(sibling.Child);
            }
        }
    }
}
