using System.Collections.Immutable;
using ActorParallel.Configuration;
using ActorParallel.Simulation.Configuration;
using Akka.Serialization;
using AkkaConfig = Akka.Configuration.Config;

namespace ActorParallel.Simulation.Serialization;

/// <summary>
/// The configuration that makes a node send the lab's messages with <see cref="LabSerializer"/> and refuse anything
/// unregistered: hocon/reference/serialization.conf, embedded as <see cref="ResourceName"/>. A cluster node puts it
/// under its own configuration (as a fallback); a purely local lab does not need it, since local messages are never
/// serialized.
/// </summary>
public static class LabSerialization
{
    public const string ResourceName = "ActorParallel.serialization.conf";

    /// <summary>The serializer's name in <c>akka.actor.serializers</c>, which the bindings refer to.</summary>
    public const string Alias = "actorparallel";

    /// <summary>The embedded file, read by our parser.</summary>
    public static HoconConfig Reference() => HoconConfigFactory.FromResource<LabSerializer>(ResourceName);

    /// <summary>The same, handed to Akka.NET.</summary>
    public static AkkaConfig AkkaConfig() => AkkaHandOver.ToAkka(Reference());

    /// <summary>
    /// For a node whose workloads are not the built-in ones (<see cref="LabWire.Create"/>): runs the lab serializer
    /// with <paramref name="registry"/> instead of the default one, under the same alias and id, bound to the registry's
    /// <see cref="WireRegistry.MessageTypes"/> (the bindings of <see cref="Reference"/> apply too). Add it to the
    /// system's setup beside the configuration.
    /// </summary>
    public static SerializationSetup Setup(WireRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return SerializationSetup.Create(system => ImmutableHashSet.Create(
            SerializerDetails.Create(Alias, new LabSerializer(system, registry), [.. registry.MessageTypes])));
    }
}
