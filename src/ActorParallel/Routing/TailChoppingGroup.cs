using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>A group that asks one routee, then another every <see cref="Interval"/>, and forwards the first reply (timeout: <see cref="Within"/>).</summary>
public sealed class TailChoppingGroup : Group
{
    public TailChoppingGroup(IEnumerable<string> paths, TimeSpan within, TimeSpan interval)
        : this(paths, within, interval, null)
    {
    }

    public TailChoppingGroup(IEnumerable<string> paths, TimeSpan within, TimeSpan interval, string? routerDispatcher)
        : base(paths, routerDispatcher)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(within, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Within = within;
        Interval = interval;
    }

    /// <summary>From a deployment section (<c>router = tail-chopping-group</c>, <c>routees.paths</c>, <c>within</c>, <c>tail-chopping-router.interval</c>).</summary>
    public TailChoppingGroup(Config config)
        : base(config)
    {
        Within = TailChoppingPool.ReadPositive(config, "within", ScatterGatherFirstCompletedPool.DefaultWithin);
        Interval = TailChoppingPool.ReadPositive(config, "tail-chopping-router.interval", TailChoppingPool.DefaultInterval);
    }

    public TimeSpan Within { get; }

    public TimeSpan Interval { get; }

    public override Router CreateRouter(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new(new TailChoppingRoutingLogic(system.Scheduler, Within, Interval));
    }

    public override TailChoppingGroup WithDispatcher(string dispatcher) => new(Paths, Within, Interval, dispatcher);
}
