using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>A pool that sends messages with the same consistent-hash key to the same routee.</summary>
public sealed class ConsistentHashingPool : Pool
{
    public ConsistentHashingPool(int nrOfInstances)
        : this(nrOfInstances, null, null, null)
    {
    }

    public ConsistentHashingPool(int nrOfInstances, ConsistentHashMapping hashMapping)
        : this(nrOfInstances, null, null, null, hashMapping: hashMapping)
    {
    }

    public ConsistentHashingPool(int nrOfInstances, Resizer? resizer, SupervisorStrategy? supervisorStrategy, string? routerDispatcher,
        bool usePoolDispatcher = false, int virtualNodesFactor = 0, ConsistentHashMapping? hashMapping = null)
        : base(nrOfInstances, resizer, supervisorStrategy, routerDispatcher, usePoolDispatcher)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(virtualNodesFactor);
        VirtualNodesFactor = virtualNodesFactor;
        HashMapping = hashMapping;
    }

    /// <summary>From a deployment section (<c>router = consistent-hashing-pool</c>, <c>virtual-nodes-factor</c>).</summary>
    public ConsistentHashingPool(Config config)
        : base(config)
    {
        VirtualNodesFactor = ConsistentHashingGroup.ReadVirtualNodesFactor(config);
    }

    /// <summary>Points per routee on the hash ring; 0 means the configured default.</summary>
    public int VirtualNodesFactor { get; }

    public ConsistentHashMapping? HashMapping { get; }

    public override Router CreateRouter(ActorSystem system) =>
        new(new ConsistentHashingRoutingLogic(system, VirtualNodesFactor, HashMapping));

    public ConsistentHashingPool WithHashMapping(ConsistentHashMapping mapping) =>
        new(NrOfInstances, Resizer, SupervisorStrategy, RouterDispatcher, UsePoolDispatcher, VirtualNodesFactor, mapping);

    public ConsistentHashingPool WithVirtualNodesFactor(int virtualNodesFactor) =>
        new(NrOfInstances, Resizer, SupervisorStrategy, RouterDispatcher, UsePoolDispatcher, virtualNodesFactor, HashMapping);

    public override ConsistentHashingPool WithSupervisorStrategy(SupervisorStrategy strategy) =>
        new(NrOfInstances, Resizer, strategy, RouterDispatcher, UsePoolDispatcher, VirtualNodesFactor, HashMapping);

    public override ConsistentHashingPool WithResizer(Resizer resizer) =>
        new(NrOfInstances, resizer, SupervisorStrategy, RouterDispatcher, UsePoolDispatcher, VirtualNodesFactor, HashMapping);

    public override ConsistentHashingPool WithDispatcher(string dispatcher) =>
        new(NrOfInstances, Resizer, SupervisorStrategy, dispatcher, UsePoolDispatcher, VirtualNodesFactor, HashMapping);

    /// <summary>As <see cref="Pool.WithFallback"/>, and a deployment's pool also keeps the code's hash mapping.</summary>
    public override RouterConfig WithFallback(RouterConfig routerConfig)
    {
        var merged = base.WithFallback(routerConfig);
        return merged is ConsistentHashingPool { HashMapping: null } pool && routerConfig is ConsistentHashingPool { HashMapping: { } mapping }
            ? pool.WithHashMapping(mapping)
            : merged;
    }
}
