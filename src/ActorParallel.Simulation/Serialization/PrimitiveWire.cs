namespace ActorParallel.Simulation.Serialization;

/// <summary>The primitive outputs and answers workloads return (boxed in <c>object</c> fields).</summary>
internal static class PrimitiveWire
{
    public static void Register(WireRegistry.Builder wire) => wire
        .Add("i32", static (w, v) => w.WriteInt32(v), static (ref WireReader r) => r.ReadInt32())
        .Add("i64", static (w, v) => w.WriteInt64(v), static (ref WireReader r) => r.ReadInt64())
        .Add("u64", static (w, v) => w.WriteUInt64(v), static (ref WireReader r) => r.ReadUInt64())
        .Add("f64", static (w, v) => w.WriteDouble(v), static (ref WireReader r) => r.ReadDouble())
        .Add("bool", static (w, v) => w.WriteBool(v), static (ref WireReader r) => r.ReadBool())
        .Add("str", static (w, v) => w.WriteString(v), static (ref WireReader r) => r.ReadRequiredString())
        .Add("u128", static (w, v) =>
        {
            w.WriteUInt64((ulong)(v >> 64));
            w.WriteUInt64((ulong)v);
        }, static (ref WireReader r) => new UInt128(r.ReadUInt64(), r.ReadUInt64()));
}
