using ActorParallel.Actor;
using ActorParallel.Event;

namespace ActorParallel.Routing;

/// <summary>
/// Sends messages with the same key to the same routee. The key comes from the hash mapping if it gives
/// one, else from <see cref="IConsistentHashable"/> (e.g. <see cref="ConsistentHashableEnvelope"/>);
/// a message with neither is logged as a warning and dropped to dead letters. Routees are placed on a
/// <see cref="ConsistentHash{T}"/> ring by their path, so the mapping is the same in every process.
/// </summary>
public sealed class ConsistentHashingRoutingLogic : RoutingLogic
{
    private readonly ActorSystem _system;
    private readonly ConsistentHashMapping? _hashMapping;

    /// <summary>The ring for one routees array; rebuilt (rarely) when the router's routees change.</summary>
    private volatile RingCache? _ring;

    public ConsistentHashingRoutingLogic(ActorSystem system)
        : this(system, 0, null)
    {
    }

    /// <param name="system">For the default virtual-nodes factor and for warnings.</param>
    /// <param name="virtualNodesFactor">Points per routee on the ring; 0 means <c>actorparallel.actor.deployment.default.virtual-nodes-factor</c>.</param>
    /// <param name="hashMapping">Maps messages to keys; may be null.</param>
    public ConsistentHashingRoutingLogic(ActorSystem system, int virtualNodesFactor, ConsistentHashMapping? hashMapping)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentOutOfRangeException.ThrowIfNegative(virtualNodesFactor);
        _system = system;
        VirtualNodesFactor = virtualNodesFactor == 0
            ? Math.Max(1, system.Settings.Config.GetInt("actorparallel.actor.deployment.default.virtual-nodes-factor", 10))
            : virtualNodesFactor;
        _hashMapping = hashMapping;
    }

    public int VirtualNodesFactor { get; }

    public ConsistentHashingRoutingLogic WithHashMapping(ConsistentHashMapping mapping) => new(_system, VirtualNodesFactor, mapping);

    public override Routee Select(object message, Routee[] routees)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(routees);
        if (routees.Length == 0)
        {
            return Routee.NoRoutee;
        }

        var key = _hashMapping?.Invoke(message) ?? (message as IConsistentHashable)?.ConsistentHashKey;
        if (key is null)
        {
            _system.Log.Warning(
                "Message [{0}] must be handled by hashMapping, or implement [{1}] or be wrapped in [{2}]",
                message.GetType().Name, nameof(IConsistentHashable), nameof(ConsistentHashableEnvelope));
            return Routee.NoRoutee;
        }

        return Ring(routees).NodeFor(key);
    }

    private ConsistentHash<Routee> Ring(Routee[] routees)
    {
        var cached = _ring;
        if (cached is not null && ReferenceEquals(cached.Routees, routees))
        {
            return cached.Ring;
        }

        // Two threads may build the ring at once; both build the same one, so the race is harmless.
        var ring = ConsistentHash<Routee>.Create(routees, VirtualNodesFactor, Identity);
        _ring = new RingCache(routees, ring);
        return ring;
    }

    /// <summary>A routee's place on the ring: its path without UID, the same in every process.</summary>
    private static string Identity(Routee routee) => routee switch
    {
        ActorRefRoutee actorRef => actorRef.Actor.Path.ToString(),
        ActorSelectionRoutee selection => selection.Selection.Anchor.Path + selection.Selection.PathString,
        _ => routee.ToString(),
    };

    private sealed record RingCache(Routee[] Routees, ConsistentHash<Routee> Ring);
}
