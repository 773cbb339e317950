using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>A pool that sends each message to a routee picked at random.</summary>
public sealed class RandomPool : Pool
{
    public RandomPool(int nrOfInstances)
        : this(nrOfInstances, null, null, null)
    {
    }

    public RandomPool(int nrOfInstances, Resizer? resizer)
        : this(nrOfInstances, resizer, null, null)
    {
    }

    public RandomPool(int nrOfInstances, Resizer? resizer, SupervisorStrategy? supervisorStrategy, string? routerDispatcher, bool usePoolDispatcher = false)
        : base(nrOfInstances, resizer, supervisorStrategy, routerDispatcher, usePoolDispatcher)
    {
    }

    /// <summary>From a deployment section (<c>router = random-pool</c>).</summary>
    public RandomPool(Config config)
        : base(config)
    {
    }

    public override Router CreateRouter(ActorSystem system) => new(new RandomLogic());

    public override RandomPool WithSupervisorStrategy(SupervisorStrategy strategy) =>
        new(NrOfInstances, Resizer, strategy, RouterDispatcher, UsePoolDispatcher);

    public override RandomPool WithResizer(Resizer resizer) =>
        new(NrOfInstances, resizer, SupervisorStrategy, RouterDispatcher, UsePoolDispatcher);

    public override RandomPool WithDispatcher(string dispatcher) =>
        new(NrOfInstances, Resizer, SupervisorStrategy, dispatcher, UsePoolDispatcher);
}
