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
        }, static (ref WireReader r) => new ProvideWorkers(
            r.ReadRequiredString(), r.ReadRequiredString(), r.ReadRequiredString(), r.ReadBool() ? new FaultInjection(r.ReadInt32(), r.ReadInt32()) : null))
        .Add("c.provided", static (w, p) =>
        {
            w.WriteString(p.JobId);
            w.WriteString(p.Node);
            w.WriteCount(p.Workers.Length);
            foreach (var worker in p.Workers)
                w.WriteActorRef(worker);
        }, static (ref WireReader r) =>
        {
            var job = r.ReadRequiredString();
            var node = r.ReadRequiredString();
            var workers = new Akka.Actor.IActorRef[r.ReadCount()];
            for (var i = 0; i < workers.Length; i++)
                workers[i] = r.ReadActorRef();
            return new WorkersProvided(job, node, workers);
        })
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
            w.WriteCount(s.Jobs.Length);
            foreach (var job in s.Jobs)
                w.WriteString(job);
        }, static (ref WireReader r) =>
        {
            var node = r.ReadRequiredString();
            var version = r.ReadRequiredString();
            var workers = r.ReadInt32();
            var jobs = new string[r.ReadCount()];
            for (var i = 0; i < jobs.Length; i++)
                jobs[i] = r.ReadRequiredString();
            return new NodeStatus(node, version, workers, jobs);
        })
        .Add("s.wiring", static (w, s) =>
        {
            w.WriteActorRef(s.Router);
            w.WriteInt32(s.Partitions);
        }, static (ref WireReader r) => new ShuffleWiring(r.ReadActorRef(), r.ReadInt32()));
}
