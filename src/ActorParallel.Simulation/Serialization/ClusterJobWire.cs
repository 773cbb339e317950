using System.Collections.Immutable;
using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;
using Akka.Actor;

namespace ActorParallel.Simulation.Serialization;

/// <summary>The cluster's messages for word count's reducers and heat's peers on the worker nodes (see <see cref="ClusterWire"/> for the farm's).</summary>
internal static class ClusterJobWire
{
    public static void Register(WireRegistry.Builder wire) => wire
        .Add("c.reducers?", static (w, p) =>
        {
            w.WriteString(p.JobId);
            w.WriteInt32s(p.Reducers);
        }, static (ref WireReader r) => new ProvideReducers(r.ReadRequiredString(), r.ReadInt32s()))
        .Add("c.reducers", static (w, p) =>
        {
            w.WriteString(p.JobId);
            w.WriteString(p.Node);
            w.WriteInt32s(p.Ids);
            w.WriteArray<IActorRef>(p.Reducers, static (w, a) => w.WriteActorRef(a));
        }, static (ref WireReader r) => new ReducersProvided(
            r.ReadRequiredString(), r.ReadRequiredString(), r.ReadInt32s(), r.ReadArray(static (ref WireReader r) => r.ReadActorRef())))
        .Add("c.peers?", static (w, p) =>
        {
            w.WriteString(p.JobId);
            w.WriteString(p.Workload);
            w.WriteString(p.Version);
            WriteParameters(w, p.Parameters);
            w.WriteInt32(p.First);
            w.WriteInt32(p.Count);
            w.WriteInt32(p.TaskRetries);
            w.WriteBool(p.Faults is not null);
            if (p.Faults is { } f)
            {
                w.WriteInt32(f.EveryNthTask);
                w.WriteInt32(f.FailuresPerTask);
            }
        }, static (ref WireReader r) => new ProvidePeers(
            r.ReadRequiredString(), r.ReadRequiredString(), r.ReadRequiredString(), ReadParameters(ref r), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(),
            r.ReadBool() ? new FaultInjection(r.ReadInt32(), r.ReadInt32()) : null))
        .Add("c.peers", static (w, p) =>
        {
            w.WriteString(p.JobId);
            w.WriteString(p.Node);
            w.WriteInt32(p.First);
            w.WriteArray<IActorRef>(p.Peers, static (w, a) => w.WriteActorRef(a));
        }, static (ref WireReader r) => new PeersProvided(
            r.ReadRequiredString(), r.ReadRequiredString(), r.ReadInt32(), r.ReadArray(static (ref WireReader r) => r.ReadActorRef())))
        .Add("c.wire-peers", static (w, p) =>
        {
            w.WriteString(p.JobId);
            w.WriteArray<IActorRef>(p.Peers, static (w, a) => w.WriteActorRef(a));
        }, static (ref WireReader r) => new WirePeers(r.ReadRequiredString(), r.ReadArray(static (ref WireReader r) => r.ReadActorRef())))
        .Add("c.peer-chunk", static (w, c) =>
        {
            w.WriteInt32(c.PeerId);
            w.WriteInt32(c.Index);
            w.WriteBytes(c.Bytes);
        }, static (ref WireReader r) => new PeerResultChunk(r.ReadInt32(), r.ReadInt32(), r.ReadBytes()))
        .Add("c.peer-done", static (w, d) =>
        {
            w.WriteInt32(d.PeerId);
            w.WriteInt32(d.SerializerId);
            w.WriteString(d.Manifest);
            w.WriteInt32(d.Chunks);
            w.WriteInt32(d.Messages);
            w.WriteInt64(d.Bytes);
            w.WriteTimeSpan(d.Busy);
        }, static (ref WireReader r) => new PeerDone(
            r.ReadInt32(), r.ReadInt32(), r.ReadRequiredString(), r.ReadInt32(), r.ReadInt32(), r.ReadInt64(), r.ReadTimeSpan()))
        .Add("c.peer-fault", static (w, f) =>
        {
            w.WriteInt32(f.PeerId);
            w.WriteInt32(f.Step);
            w.WriteString(f.Error);
            w.WriteBool(f.Fatal);
        }, static (ref WireReader r) => new PeerFaulted(r.ReadInt32(), r.ReadInt32(), r.ReadRequiredString(), r.ReadBool()));

    /// <summary>Size, tasks, seed and the options (sorted by key, so equal parameters write equal bytes).</summary>
    private static void WriteParameters(WireWriter w, WorkloadParameters p)
    {
        w.WriteInt64(p.Size);
        w.WriteInt32(p.Tasks);
        w.WriteInt32(p.Seed);
        var options = p.Options.OrderBy(o => o.Key, StringComparer.Ordinal).ToArray();
        w.WriteArray<KeyValuePair<string, string>>(options, static (w, o) =>
        {
            w.WriteString(o.Key);
            w.WriteString(o.Value);
        });
    }

    private static WorkloadParameters ReadParameters(ref WireReader r)
    {
        var parameters = new WorkloadParameters(r.ReadInt64(), r.ReadInt32(), r.ReadInt32());
        var options = r.ReadArray(static (ref WireReader r) => KeyValuePair.Create(r.ReadRequiredString(), r.ReadRequiredString()), minBytesEach: 2);
        return parameters with { Options = parameters.Options.SetItems(options) };
    }
}
