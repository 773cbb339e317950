using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;

namespace ActorParallel.Simulation.Serialization;

/// <summary>
/// Takes the place of Akka's JSON serializer (id 1, alias <c>json</c>) on lab nodes; see
/// hocon/reference/serialization.conf. <c>allow-unregistered-types = off</c> only stops a node from sending
/// unbound types with JSON; a message that arrives marked with id 1 would still be handed to Newtonsoft.Json, which
/// creates whatever type the payload names. This refuses it instead (a <see cref="SerializationException"/>: the
/// remoting logs and drops it), without resolving the type name, so that only registered types are ever deserialized.
/// </summary>
public sealed class NoJsonSerializer : SerializerWithStringManifest
{
    /// <summary>Akka's JSON serializer's id, which this one answers to.</summary>
    public const int JsonId = 1;

    public NoJsonSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <summary>Akka calls this one because its reference configuration has settings for the <c>json</c> alias; they are ignored.</summary>
    public NoJsonSerializer(ExtendedActorSystem system, Config config)
        : base(system)
    {
    }

    public override int Identifier => JsonId;

    public override string Manifest(object o) => throw Refused(o);

    public override byte[] ToBinary(object obj) => throw Refused(obj);

    public override object FromBinary(byte[] bytes, string manifest) =>
        throw new SerializationException($"refused a JSON payload ({bytes?.Length ?? 0} bytes, manifest '{manifest}'): this node deserializes only registered types (see hocon/reference/serialization.conf)");

    private static SerializationException Refused(object? o) =>
        new($"{o?.GetType().FullName ?? "null"} has no serializer binding and JSON is off on this node: bind it in akka.actor.serialization-bindings (see hocon/reference/serialization.conf)");
}
