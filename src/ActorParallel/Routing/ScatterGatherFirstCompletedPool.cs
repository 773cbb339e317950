using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>A pool that asks all routees and forwards the first reply (or a timeout failure after <see cref="Within"/>).</summary>
public sealed class ScatterGatherFirstCompletedPool : Pool
{
    public ScatterGatherFirstCompletedPool(int nrOfInstances)
        : this(nrOfInstances, null, null, null, DefaultWithin)
    {
    }

    public ScatterGatherFirstCompletedPool(int nrOfInstances, TimeSpan within)
        : this(nrOfInstances, null, null, null, within)
    {
    }

    public ScatterGatherFirstCompletedPool(int nrOfInstances, Resizer? resizer, SupervisorStrategy? supervisorStrategy, string? routerDispatcher,
        TimeSpan within, bool usePoolDispatcher = false)
        : base(nrOfInstances, resizer, supervisorStrategy, routerDispatcher, usePoolDispatcher)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(within, TimeSpan.Zero);
        Within = within;
    }

    /// <summary>From a deployment section (<c>router = scatter-gather-pool</c>, <c>within</c>).</summary>
    public ScatterGatherFirstCompletedPool(Config config)
        : base(config)
    {
        Within = TailChoppingPool.ReadPositive(config, "within", DefaultWithin);
    }

    internal static TimeSpan DefaultWithin => TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for the first reply.</summary>
    public TimeSpan Within { get; }

    public override Router CreateRouter(ActorSystem system) => new(new ScatterGatherFirstCompletedRoutingLogic(Within));

    public ScatterGatherFirstCompletedPool WithWithin(TimeSpan within) =>
        new(NrOfInstances, Resizer, SupervisorStrategy, RouterDispatcher, within, UsePoolDispatcher);

    public override ScatterGatherFirstCompletedPool WithSupervisorStrategy(SupervisorStrategy strategy) =>
        new(NrOfInstances, Resizer, strategy, RouterDispatcher, Within, UsePoolDispatcher);

    public override ScatterGatherFirstCompletedPool WithResizer(Resizer resizer) =>
        new(NrOfInstances, resizer, SupervisorStrategy, RouterDispatcher, Within, UsePoolDispatcher);

    public override ScatterGatherFirstCompletedPool WithDispatcher(string dispatcher) =>
        new(NrOfInstances, Resizer, SupervisorStrategy, dispatcher, Within, UsePoolDispatcher);
}
