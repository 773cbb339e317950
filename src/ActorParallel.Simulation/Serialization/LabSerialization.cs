using ActorParallel.Configuration;
using ActorParallel.Simulation.Configuration;
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

    /// <summary>The embedded file, read by our parser.</summary>
    public static HoconConfig Reference() => HoconConfigFactory.FromResource<LabSerializer>(ResourceName);

    /// <summary>The same, handed to Akka.NET.</summary>
    public static AkkaConfig AkkaConfig() => AkkaHandOver.ToAkka(Reference());
}
