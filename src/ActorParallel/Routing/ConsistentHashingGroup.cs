using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>A group that sends messages with the same consistent-hash key to the same routee.</summary>
public sealed class ConsistentHashingGroup : Group
{
    public ConsistentHashingGroup(params string[] paths)
        : this(paths, 0, null, null)
    {
    }

    public ConsistentHashingGroup(IEnumerable<string> paths)
        : this(paths, 0, null, null)
    {
    }

    public ConsistentHashingGroup(IEnumerable<string> paths, ConsistentHashMapping hashMapping)
        : this(paths, 0, hashMapping, null)
    {
    }

    public ConsistentHashingGroup(IEnumerable<string> paths, int virtualNodesFactor, ConsistentHashMapping? hashMapping, string? routerDispatcher)
        : base(paths, routerDispatcher)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(virtualNodesFactor);
        VirtualNodesFactor = virtualNodesFactor;
        HashMapping = hashMapping;
    }

    /// <summary>From a deployment section (<c>router = consistent-hashing-group</c>, <c>routees.paths</c>, <c>virtual-nodes-factor</c>).</summary>
    public ConsistentHashingGroup(Config config)
        : base(config)
    {
        VirtualNodesFactor = ReadVirtualNodesFactor(config);
    }

    public int VirtualNodesFactor { get; }

    public ConsistentHashMapping? HashMapping { get; }

    public override Router CreateRouter(ActorSystem system) =>
        new(new ConsistentHashingRoutingLogic(system, VirtualNodesFactor, HashMapping));

    public ConsistentHashingGroup WithHashMapping(ConsistentHashMapping mapping) => new(Paths, VirtualNodesFactor, mapping, RouterDispatcher);

    public ConsistentHashingGroup WithVirtualNodesFactor(int virtualNodesFactor) => new(Paths, virtualNodesFactor, HashMapping, RouterDispatcher);

    public override ConsistentHashingGroup WithDispatcher(string dispatcher) => new(Paths, VirtualNodesFactor, HashMapping, dispatcher);

    public override RouterConfig WithFallback(RouterConfig routerConfig) =>
        HashMapping is null && routerConfig is ConsistentHashingGroup { HashMapping: { } mapping } ? WithHashMapping(mapping) : this;

    internal static int ReadVirtualNodesFactor(Config config)
    {
        var value = config.GetInt("virtual-nodes-factor", 0);
        return value >= 0
            ? value
            : throw new ConfigurationException($"virtual-nodes-factor = {value}: use a number of ring points per routee >= 1 (default 10).");
    }
}
