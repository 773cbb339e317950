using ActorParallel.Actor;

namespace ActorParallel.Routing;

/// <summary>Selects the routees in random order for a <see cref="TailChoppingRoutees"/> send.</summary>
public sealed class TailChoppingRoutingLogic : RoutingLogic
{
    private readonly IScheduler _scheduler;

    public TailChoppingRoutingLogic(IScheduler scheduler, TimeSpan within, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(within, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _scheduler = scheduler;
        Within = within;
        Interval = interval;
    }

    public TimeSpan Within { get; }

    public TimeSpan Interval { get; }

    public override Routee Select(object message, Routee[] routees)
    {
        ArgumentNullException.ThrowIfNull(routees);
        return routees.Length == 0 ? Routee.NoRoutee : new TailChoppingRoutees(_scheduler, routees, Within, Interval);
    }
}
