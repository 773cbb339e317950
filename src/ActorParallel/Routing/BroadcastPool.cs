using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>A pool that sends every message to all of its routees.</summary>
public sealed class BroadcastPool : Pool
{
    public BroadcastPool(int nrOfInstances)
        : this(nrOfInstances, null, null, null)
    {
    }

    public BroadcastPool(int nrOfInstances, Resizer? resizer)
        : this(nrOfInstances, resizer, null, null)
    {
    }

    public BroadcastPool(int nrOfInstances, Resizer? resizer, SupervisorStrategy? supervisorStrategy, string? routerDispatcher, bool usePoolDispatcher = false)
        : base(nrOfInstances, resizer, supervisorStrategy, routerDispatcher, usePoolDispatcher)
    {
    }

    /// <summary>From a deployment section (<c>router = broadcast-pool</c>).</summary>
    public BroadcastPool(Config config)
        : base(config)
    {
    }

    public override Router CreateRouter(ActorSystem system) => new(new BroadcastRoutingLogic());

    public override BroadcastPool WithSupervisorStrategy(SupervisorStrategy strategy) =>
        new(NrOfInstances, Resizer, strategy, RouterDispatcher, UsePoolDispatcher);

    public override BroadcastPool WithResizer(Resizer resizer) =>
        new(NrOfInstances, resizer, SupervisorStrategy, RouterDispatcher, UsePoolDispatcher);

    public override BroadcastPool WithDispatcher(string dispatcher) =>
        new(NrOfInstances, Resizer, SupervisorStrategy, dispatcher, UsePoolDispatcher);
}
