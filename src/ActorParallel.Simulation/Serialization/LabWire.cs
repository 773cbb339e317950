using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Serialization;

/// <summary>The registry of everything the lab sends between nodes: primitives, the engine's messages, the workloads' types.</summary>
public static class LabWire
{
    /// <summary>The built-in workloads' registry; what <see cref="LabSerializer"/> uses unless given another.</summary>
    public static WireRegistry Default { get; } = Create(WorkloadRegistry.Default);

    /// <summary>
    /// The lab's own types plus those of every workload in <paramref name="workloads"/> that implements
    /// <see cref="IWireTypes"/>, and whatever <paramref name="more"/> adds.
    /// </summary>
    public static WireRegistry Create(WorkloadRegistry workloads, Action<WireRegistry.Builder>? more = null)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        var wire = new WireRegistry.Builder();
        PrimitiveWire.Register(wire);
        FarmWire.Register(wire);
        ShuffleWire.Register(wire);
        MetricsWire.Register(wire);
        ClusterWire.Register(wire);
        ClusterJobWire.Register(wire);
        foreach (var workload in workloads.All.OfType<IWireTypes>())
            workload.RegisterWireTypes(wire);
        more?.Invoke(wire);
        return wire.Build();
    }
}
