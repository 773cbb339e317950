using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>A pool that asks one routee, then another every <see cref="Interval"/>, and forwards the first reply (timeout: <see cref="Within"/>).</summary>
public sealed class TailChoppingPool : Pool
{
    public TailChoppingPool(int nrOfInstances, TimeSpan within, TimeSpan interval)
        : this(nrOfInstances, null, null, null, within, interval)
    {
    }

    public TailChoppingPool(int nrOfInstances, Resizer? resizer, SupervisorStrategy? supervisorStrategy, string? routerDispatcher,
        TimeSpan within, TimeSpan interval, bool usePoolDispatcher = false)
        : base(nrOfInstances, resizer, supervisorStrategy, routerDispatcher, usePoolDispatcher)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(within, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Within = within;
        Interval = interval;
    }

    /// <summary>From a deployment section (<c>router = tail-chopping-pool</c>, <c>within</c>, <c>tail-chopping-router.interval</c>).</summary>
    public TailChoppingPool(Config config)
        : base(config)
    {
        Within = ReadPositive(config, "within", ScatterGatherFirstCompletedPool.DefaultWithin);
        Interval = ReadPositive(config, "tail-chopping-router.interval", DefaultInterval);
    }

    internal static TimeSpan DefaultInterval => TimeSpan.FromMilliseconds(10);

    public TimeSpan Within { get; }

    public TimeSpan Interval { get; }

    public override Router CreateRouter(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new(new TailChoppingRoutingLogic(system.Scheduler, Within, Interval));
    }

    public override TailChoppingPool WithSupervisorStrategy(SupervisorStrategy strategy) =>
        new(NrOfInstances, Resizer, strategy, RouterDispatcher, Within, Interval, UsePoolDispatcher);

    public override TailChoppingPool WithResizer(Resizer resizer) =>
        new(NrOfInstances, resizer, SupervisorStrategy, RouterDispatcher, Within, Interval, UsePoolDispatcher);

    public override TailChoppingPool WithDispatcher(string dispatcher) =>
        new(NrOfInstances, Resizer, SupervisorStrategy, dispatcher, Within, Interval, UsePoolDispatcher);

    internal static TimeSpan ReadPositive(Config config, string key, TimeSpan @default)
    {
        var value = config.GetTimeSpan(key, @default, allowInfinite: false);
        return value > TimeSpan.Zero
            ? value
            : throw new ConfigurationException($"{key} = {value}: use a positive duration, e.g. {key} = {(int)@default.TotalMilliseconds}ms.");
    }
}
