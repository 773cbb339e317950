using ActorParallel.Actor;

namespace ActorParallel.Serialization;

/// <summary>Passes byte arrays through unchanged.</summary>
public sealed class ByteArraySerializer(ExtendedActorSystem system) : Serializer(system)
{
    public override bool IncludeManifest => false;

    public override byte[] ToBinary(object obj) =>
        obj as byte[] ?? throw new ArgumentException($"{nameof(ByteArraySerializer)} only serializes byte[], not {obj.GetType()}.", nameof(obj));

    public override object FromBinary(byte[] bytes, Type? type) => bytes;
}
