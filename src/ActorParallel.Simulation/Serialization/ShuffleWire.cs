using ActorParallel.Simulation.Engine.Actors;

namespace ActorParallel.Simulation.Serialization;

/// <summary>The map-reduce shuffle's messages between workers, reducers and the supervisor.</summary>
internal static class ShuffleWire
{
    public static void Register(WireRegistry.Builder wire) => wire
        .Add("s.part", static (w, p) =>
        {
            w.WriteInt32(p.TaskId);
            w.WriteInt32(p.Partition);
            w.WriteObject(p.Part);
        }, static (ref WireReader r) => new ShufflePart(r.ReadInt32(), r.ReadInt32(), r.ReadRequiredObject()))
        .Add("s.now", static (w, n) =>
        {
            w.WriteInt32(n.Tasks);
            w.WriteInt32(n.Partition);
        }, static (ref WireReader r) => new ReduceNow(r.ReadInt32(), r.ReadInt32()))
        .Add("s.reduced", static (w, d) =>
        {
            w.WriteInt32(d.Partition);
            w.WriteObject(d.Output);
            w.WriteInt32(d.Parts);
            w.WriteInt64(d.Bytes);
        }, static (ref WireReader r) => new Reduced(r.ReadInt32(), r.ReadRequiredObject(), r.ReadInt32(), r.ReadInt64()))
        .Add("s.failed", static (w, f) =>
        {
            w.WriteInt32(f.Partition);
            w.WriteString(f.Error);
        }, static (ref WireReader r) => new ReduceFailed(r.ReadInt32(), r.ReadRequiredString()))
        .Add("s.done", static (_, _) => { }, static (ref WireReader _) => Shuffled.Instance);
}
