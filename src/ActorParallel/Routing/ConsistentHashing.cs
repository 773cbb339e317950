namespace ActorParallel.Routing;

/// <summary>A message that carries its own consistent-hash key.</summary>
public interface IConsistentHashable
{
    object ConsistentHashKey { get; }
}

/// <summary>Wraps a message with a consistent-hash key; the routee receives the bare message.</summary>
public sealed class ConsistentHashableEnvelope(object message, object hashKey) : RouterEnvelope(message), IConsistentHashable
{
    public object HashKey { get; } = hashKey ?? throw new ArgumentNullException(nameof(hashKey));

    public object ConsistentHashKey => HashKey;
}

/// <summary>Maps a message to its consistent-hash key; return null for messages it does not cover.</summary>
public delegate object? ConsistentHashMapping(object message);
