using ActorParallel.Actor;

namespace ActorParallel.Serialization;

/// <summary>Turns objects into bytes and back. Configured in <c>actorparallel.actor.serializers</c>.</summary>
public abstract class Serializer
{
    protected Serializer(ExtendedActorSystem system)
    {
        System = system;
    }

    public ExtendedActorSystem System { get; }

    /// <summary>Unique id of this serializer; from <c>serialization-identifiers</c> by type name unless overridden.</summary>
    public virtual int Identifier => Serialization.IdentifierFor(System, GetType());

    /// <summary>Whether the type's manifest must travel with the bytes.</summary>
    public abstract bool IncludeManifest { get; }

    public abstract byte[] ToBinary(object obj);

    public abstract object FromBinary(byte[] bytes, Type? type);

    public T FromBinary<T>(byte[] bytes) => (T)FromBinary(bytes, typeof(T));
}

/// <summary>A serializer that chooses its own string manifest per message.</summary>
public abstract class SerializerWithStringManifest : Serializer
{
    protected SerializerWithStringManifest(ExtendedActorSystem system)
        : base(system)
    {
    }

    public sealed override bool IncludeManifest => true;

    public abstract string Manifest(object o);

    public abstract object FromBinary(byte[] bytes, string manifest);

    public sealed override object FromBinary(byte[] bytes, Type? type) =>
        FromBinary(bytes, type is null ? string.Empty : Serialization.TypeManifest(type));
}
