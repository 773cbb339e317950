using ActorParallel.Simulation.Serialization;
using ActorParallel.Simulation.Workloads;
using Akka.Actor;
using Akka.Actor.Setup;
using Xunit;

namespace ActorParallel.Testing;

/// <summary>
/// Sends values through the lab serializer as a cluster node would (the same configuration and registry, a
/// workload's own types included) and reads them back. Owns a small local actor system; dispose it.
/// </summary>
public sealed class WireCheck : IDisposable
{
    private readonly ActorSystem _system;
    private readonly string _workload;

    public WireCheck(IWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        _workload = workload.Name;
        var registry = LabWire.Create(WorkloadRegistry.Default.With(workload));
        var setup = ActorSystemSetup.Create(
            BootstrapSetup.Create().WithConfig(LabSerialization.AkkaConfig().WithFallback("akka.loglevel = WARNING")),
            LabSerialization.Setup(registry));
        _system = ActorSystem.Create("wire-check", setup);
    }

    /// <summary>Writes <paramref name="message"/> with the serializer a node would pick for it and reads it back.</summary>
    public T RoundTrip<T>(T message)
        where T : notnull
    {
        var serializer = _system.Serialization.FindSerializerFor(message);
        Assert.True(serializer is LabSerializer, $"{_workload}: {typeof(T).Name} is not sent with the lab serializer but with {serializer.GetType().Name}");
        byte[] bytes;
        try
        {
            bytes = serializer.ToBinary(message);
        }
        catch (System.Runtime.Serialization.SerializationException e)
        {
            throw new Xunit.Sdk.XunitException($"{_workload}: {e.Message}. Implement IWireTypes on the workload and register its task, output and answer types (see the template's RegisterWireTypes).");
        }

        var back = _system.Serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message));
        return Assert.IsAssignableFrom<T>(back);
    }

    /// <summary>
    /// Round-trips <paramref name="message"/> and checks that what came back writes the same bytes: equal on the wire even
    /// for records whose equality compares arrays by reference.
    /// </summary>
    public void AssertTravels(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var back = RoundTrip(message);
        var serializer = _system.Serialization.FindSerializerFor(message);
        Assert.True(serializer.ToBinary(message).AsSpan().SequenceEqual(serializer.ToBinary(back)), $"{_workload}: {message.GetType().Name} comes back different from what was sent");
    }

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));
}
