using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>A pool whose routees take turns: message n goes to routee n modulo the pool size.</summary>
public sealed class RoundRobinPool : Pool
{
    public RoundRobinPool(int nrOfInstances)
        : this(nrOfInstances, null, null, null)
    {
    }

    public RoundRobinPool(int nrOfInstances, Resizer? resizer)
        : this(nrOfInstances, resizer, null, null)
    {
    }

    public RoundRobinPool(int nrOfInstances, Resizer? resizer, SupervisorStrategy? supervisorStrategy, string? routerDispatcher, bool usePoolDispatcher = false)
        : base(nrOfInstances, resizer, supervisorStrategy, routerDispatcher, usePoolDispatcher)
    {
    }

    /// <summary>From a deployment section (<c>router = round-robin-pool</c>).</summary>
    public RoundRobinPool(Config config)
        : base(config)
    {
    }

    public override Router CreateRouter(ActorSystem system) => new(new RoundRobinRoutingLogic());

    public override RoundRobinPool WithSupervisorStrategy(SupervisorStrategy strategy) =>
        new(NrOfInstances, Resizer, strategy, RouterDispatcher, UsePoolDispatcher);

    public override RoundRobinPool WithResizer(Resizer resizer) =>
        new(NrOfInstances, resizer, SupervisorStrategy, RouterDispatcher, UsePoolDispatcher);

    public override RoundRobinPool WithDispatcher(string dispatcher) =>
        new(NrOfInstances, Resizer, SupervisorStrategy, dispatcher, UsePoolDispatcher);
}
