using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>A pool that sends each message to the least busy routee: an idle one if any, else the one with the fewest queued messages.</summary>
public sealed class SmallestMailboxPool : Pool
{
    public SmallestMailboxPool(int nrOfInstances)
        : this(nrOfInstances, null, null, null)
    {
    }

    public SmallestMailboxPool(int nrOfInstances, Resizer? resizer)
        : this(nrOfInstances, resizer, null, null)
    {
    }

    public SmallestMailboxPool(int nrOfInstances, Resizer? resizer, SupervisorStrategy? supervisorStrategy, string? routerDispatcher, bool usePoolDispatcher = false)
        : base(nrOfInstances, resizer, supervisorStrategy, routerDispatcher, usePoolDispatcher)
    {
    }

    /// <summary>From a deployment section (<c>router = smallest-mailbox-pool</c>).</summary>
    public SmallestMailboxPool(Config config)
        : base(config)
    {
    }

    public override Router CreateRouter(ActorSystem system) => new(new SmallestMailboxRoutingLogic());

    public override SmallestMailboxPool WithSupervisorStrategy(SupervisorStrategy strategy) =>
        new(NrOfInstances, Resizer, strategy, RouterDispatcher, UsePoolDispatcher);

    public override SmallestMailboxPool WithResizer(Resizer resizer) =>
        new(NrOfInstances, resizer, SupervisorStrategy, RouterDispatcher, UsePoolDispatcher);

    public override SmallestMailboxPool WithDispatcher(string dispatcher) =>
        new(NrOfInstances, Resizer, SupervisorStrategy, dispatcher, UsePoolDispatcher);
}
