namespace ActorParallel.Simulation.Serialization;

/// <summary>
/// A workload whose tasks, outputs and answer can travel between nodes: it registers its own types with the lab
/// serializer, next to the workload, and <see cref="LabWire.Create"/> picks the registrations up from every workload
/// of the registry that implements this. Types the lab already knows (int, long, ulong, double, string, bool,
/// UInt128) need no registration. Also bind each registered type to the serializer in
/// hocon/reference/serialization.conf (a test names any that is missing).
/// </summary>
public interface IWireTypes
{
    /// <summary>Adds this workload's types, each with a manifest that starts with the workload's short name (e.g. <c>pi.task</c>).</summary>
    void RegisterWireTypes(WireRegistry.Builder wire);
}
