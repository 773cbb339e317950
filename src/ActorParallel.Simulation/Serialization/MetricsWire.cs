using ActorParallel.Simulation.Metrics;

namespace ActorParallel.Simulation.Serialization;

/// <summary>The metrics events workers and supervisor send the metrics actor; times as ticks since the job's clock started.</summary>
internal static class MetricsWire
{
    public static void Register(WireRegistry.Builder wire) => wire
        .Add("m.batch", static (w, b) =>
        {
            w.WriteTimeSpan(b.At);
            w.WriteArray(b.Completed, WriteRecord);
            w.WriteInt32(b.Dispatches);
            w.WriteInt32(b.Failures);
            w.WriteInt64(b.Messages);
            w.WriteInt64(b.Bytes);
        }, static (ref WireReader r) => new MetricsBatch(
            r.ReadTimeSpan(), r.ReadArray(ReadRecord, 5), r.ReadInt32(), r.ReadInt32(), r.ReadInt64(), r.ReadInt64()))
        .Add("m.start", static (w, e) =>
        {
            w.WriteTimeSpan(e.At);
            w.WriteString(e.Workload);
            w.WriteInt32(e.Workers);
            w.WriteInt32(e.Tasks);
        }, static (ref WireReader r) => new JobStarted(r.ReadTimeSpan(), r.ReadRequiredString(), r.ReadInt32(), r.ReadInt32()))
        .Add("m.finish", static (w, e) =>
        {
            w.WriteTimeSpan(e.At);
            w.WriteBool(e.Succeeded);
        }, static (ref WireReader r) => new JobFinished(r.ReadTimeSpan(), r.ReadBool()))
        .Add("m.sent", static (w, e) =>
        {
            w.WriteTimeSpan(e.At);
            w.WriteInt64(e.Bytes);
            w.WriteInt32(e.Count);
        }, static (ref WireReader r) => new MessageSent(r.ReadTimeSpan(), r.ReadInt64(), r.ReadInt32()))
        .Add("m.dispatch", static (w, e) =>
        {
            w.WriteTimeSpan(e.At);
            w.WriteInt32(e.TaskId);
            w.WriteInt32(e.WorkerId);
        }, static (ref WireReader r) => new TaskDispatched(r.ReadTimeSpan(), r.ReadInt32(), r.ReadInt32()))
        .Add("m.begin", static (w, e) =>
        {
            w.WriteTimeSpan(e.At);
            w.WriteInt32(e.TaskId);
            w.WriteInt32(e.WorkerId);
        }, static (ref WireReader r) => new TaskStarted(r.ReadTimeSpan(), r.ReadInt32(), r.ReadInt32()))
        .Add("m.complete", static (w, e) =>
        {
            w.WriteTimeSpan(e.At);
            w.WriteInt32(e.TaskId);
            w.WriteInt32(e.WorkerId);
            w.WriteTimeSpan(e.Duration);
        }, static (ref WireReader r) => new TaskCompleted(r.ReadTimeSpan(), r.ReadInt32(), r.ReadInt32(), r.ReadTimeSpan()))
        .Add("m.fail", static (w, e) =>
        {
            w.WriteTimeSpan(e.At);
            w.WriteInt32(e.TaskId);
            w.WriteInt32(e.WorkerId);
            w.WriteString(e.Error);
        }, static (ref WireReader r) => new TaskFailed(r.ReadTimeSpan(), r.ReadInt32(), r.ReadInt32(), r.ReadRequiredString()));

    /// <summary>Start and completion as deltas from the dispatch time: a few bytes each instead of a clock reading.</summary>
    private static void WriteRecord(WireWriter w, TaskRecord t)
    {
        w.WriteInt32(t.TaskId);
        w.WriteInt32(t.WorkerId);
        w.WriteInt64(t.DispatchedTicks);
        w.WriteInt64(unchecked(t.StartedTicks - t.DispatchedTicks));
        w.WriteInt64(unchecked(t.CompletedTicks - t.StartedTicks));
    }

    private static TaskRecord ReadRecord(ref WireReader r)
    {
        var taskId = r.ReadInt32();
        var workerId = r.ReadInt32();
        var dispatched = r.ReadInt64();
        var started = unchecked(dispatched + r.ReadInt64());
        return new TaskRecord(taskId, workerId, dispatched, started, unchecked(started + r.ReadInt64()));
    }
}
