using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace ActorParallel.Simulation.Serialization;

/// <summary>
/// The lab's serializer for messages between nodes: compact binary, and only for the types of a
/// <see cref="WireRegistry"/> (<see cref="LabWire.Default"/> unless given another). Bound to the lab's messages by
/// hocon/reference/serialization.conf (<see cref="LabSerialization"/>).
/// <para>
/// Wire format: Akka carries the serializer id (<see cref="Id"/>) and the manifest (a short name such as
/// <c>batch</c>, see <see cref="WireRegistry.Builder.Add{T}"/>) beside the bytes; the bytes are the message's fields
/// in declaration order, with no tags or version: integers as zigzag varints, counts, lengths and unsigned integers
/// as varints, doubles as 8 little-endian bytes, strings as UTF-8 after their byte count + 1 (0 = null), arrays as a
/// count and the items. An <c>object</c> field (a task's payload, a result's output) is 0 for null, or its type's
/// manifest (the first time in a message 1 and the string, afterwards 2 + its index among the manifests seen), the
/// payload's byte count and the payload, so a batch of a hundred tasks names their type once.
/// </para>
/// <para>
/// Failures of any kind (unknown manifest, unregistered type, truncated or corrupt bytes, a count larger than the
/// bytes that could hold it) raise a <see cref="SerializationException"/> naming the manifest and type and what was
/// wrong, never another exception: Akka's remoting logs such a message and drops it, and keeps the connection.
/// </para>
/// </summary>
public sealed class LabSerializer : SerializerWithStringManifest
{
    /// <summary>
    /// The serializer id written with every message. Chosen above 100, outside the ids Akka.NET reserves for itself
    /// (0-100) and clear of the common plugins; every node of a lab cluster must use the same.
    /// </summary>
    public const int Id = 731;

    private readonly WireRegistry _registry;
    private WireTraffic? _traffic;

    /// <summary>The constructor Akka calls for the <c>akka.actor.serializers</c> entry: the lab's default registry.</summary>
    public LabSerializer(ExtendedActorSystem system)
        : this(system, LabWire.Default)
    {
    }

    public LabSerializer(ExtendedActorSystem system, WireRegistry registry)
        : base(system)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    // Looked up on first use: the serializer is made while its system is still starting.
    private WireTraffic Traffic => _traffic ??= WireTraffic.Get(system);

    public override int Identifier => Id;

    public WireRegistry Registry => _registry;

    public override string Manifest(object o) => Entry(o).Manifest;

    public override byte[] ToBinary(object obj)
    {
        var entry = Entry(obj);
        var writer = WireWriter.Rent(_registry);
        try
        {
            writer.WriteBody(entry, obj);
            var bytes = writer.ToArrayAndReturn();
            Traffic.Count(obj, bytes.Length, written: true);
            return bytes;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A writer that failed half way is dropped, not returned to the thread.
            throw new SerializationException($"lab serializer: cannot write {entry.Type.Name} ('{entry.Manifest}'): {e.Message}", e);
        }
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        bytes ??= [];
        if (manifest is null || !_registry.TryGet(manifest, out var entry))
            throw new SerializationException($"lab serializer: unknown manifest '{manifest}' ({bytes.Length} bytes): no such type is registered on this node, so the message is refused");
        try
        {
            var reader = new WireReader(bytes, _registry, system);
            var value = reader.ReadBody(entry);
            reader.EnsureEnd();
            Traffic.Count(value, bytes.Length, written: false);
            return value;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Mostly the reader's own SerializationException; anything else (a constructor refusing a corrupt value)
            // is wrapped too, so a bad message is always dropped, never a crash.
            throw new SerializationException($"lab serializer: cannot read '{manifest}' ({entry.Type.Name}, {bytes.Length} bytes): {e.Message}", e);
        }
    }

    private WireRegistry.Entry Entry(object? o)
    {
        if (o is null)
            throw new SerializationException("lab serializer: cannot write null as a message (Akka sends null with its own NullSerializer)");
        return _registry.Find(o.GetType())
            ?? throw new SerializationException($"lab serializer: {o.GetType().FullName} is not registered (see LabWire and IWireTypes), so it is not sent");
    }
}
