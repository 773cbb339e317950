using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;

namespace ActorParallel.Simulation.Serialization;

/// <summary>The cluster glue's messages between a driver and the worker nodes, and the shuffle's wiring.</summary>
internal static class ClusterWire
{
    public static void Register(WireRegistry.Builder wire) => wire
        .Add("c.provide", static (w, p) =>
        {
            w.WriteString(p.JobId);
            w.WriteString(p.Workload);
            w.WriteString(p.Version);
            w.WriteBool(p.Faults is not null);
            if (p.Faults is { } f)
            {
                w.WriteInt32(f.EveryNthTask);
                w.WriteInt32(f.FailuresPerTask);
            }

            w.WriteInt32(p.MaxWorkers);
        }, static (ref WireReader r) => new ProvideWorkers(
            r.ReadRequiredString(), r.ReadRequiredString(), r.ReadRequiredString(), r.ReadBool() ? new FaultInjection(r.ReadInt32(), r.ReadInt32()) : null, r.ReadInt32()))
        .Add("c.provided", static (w, p) =>
        {
            w.WriteString(p.JobId);
            w.WriteString(p.Node);
            w.WriteArray<Akka.Actor.IActorRef>(p.Workers, static (w, a) => w.WriteActorRef(a));
        }, static (ref WireReader r) => new WorkersProvided(
            r.ReadRequiredString(), r.ReadRequiredString(), r.ReadArray(static (ref WireReader r) => r.ReadActorRef())))
        .Add("c.refused", static (w, p) =>
        {
            w.WriteString(p.JobId);
            w.WriteString(p.Node);
            w.WriteString(p.Reason);
        }, static (ref WireReader r) => new WorkersRefused(r.ReadRequiredString(), r.ReadRequiredString(), r.ReadRequiredString()))
        .Add("c.release", static (w, p) => w.WriteString(p.JobId), static (ref WireReader r) => new ReleaseWorkers(r.ReadRequiredString()))
        .Add("c.status?", static (_, _) => { }, static (ref WireReader _) => GetNodeStatus.Instance)
        .Add("c.status", static (w, s) =>
        {
            w.WriteString(s.Node);
            w.WriteString(s.Version);
            w.WriteInt32(s.WorkersPerJob);
            w.WriteArray<string>(s.Jobs, static (w, job) => w.WriteString(job));
        }, static (ref WireReader r) => new NodeStatus(
            r.ReadRequiredString(), r.ReadRequiredString(), r.ReadInt32(), r.ReadArray(static (ref WireReader r) => r.ReadRequiredString())))
        .Add("c.vitals?", static (_, _) => { }, static (ref WireReader _) => GetNodeVitals.Instance)
        .Add("c.vitals", static (w, v) =>
        {
            w.WriteString(v.Node);
            w.WriteInt64(v.HeapBytes);
            w.WriteInt64(v.WorkingSetBytes);
            w.WriteInt64(v.DeadLetters);
            w.WriteInt64(v.Suppressed);
            w.WriteInt64(v.Unhandled);
            w.WriteInt32(v.Jobs);
        }, static (ref WireReader r) => new NodeVitals(r.ReadRequiredString(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt32()))
        .Add("s.wiring", static (w, s) =>
        {
            w.WriteArray<Akka.Actor.IActorRef>(s.Reducers, static (w, a) => w.WriteActorRef(a));
            w.WriteInt32(s.Partitions);
        }, static (ref WireReader r) => new ShuffleWiring(r.ReadArray(static (ref WireReader r) => r.ReadActorRef()), r.ReadInt32()));
}
