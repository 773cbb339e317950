using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Serialization;

/// <summary>The task farm's messages: batches out, results back. Payloads and outputs are <c>object</c> fields.</summary>
internal static class FarmWire
{
    public static void Register(WireRegistry.Builder wire) => wire
        .Add("batch", static (w, b) =>
        {
            w.WriteInt32(b.BatchId);
            w.WriteInt32(b.WorkerId);
            w.WriteArray(b.Tasks, WriteTask);
            w.WriteInt32s(b.Attempts);
        }, static (ref WireReader r) => new TaskBatch(r.ReadInt32(), r.ReadInt32(), r.ReadArray(ReadTask, 2), r.ReadInt32s()))
        .Add("done", static (w, d) =>
        {
            w.WriteInt32(d.WorkerId);
            w.WriteInt32(d.BatchId);
            w.WriteArray(d.Results, WriteResult);
            w.WriteArray(d.Durations, WriteTimeSpan);
        }, static (ref WireReader r) => new BatchDone(r.ReadInt32(), r.ReadInt32(), r.ReadArray(ReadResult, 2), r.ReadArray(ReadTimeSpan)))
        .Add("failed", static (w, f) =>
        {
            w.WriteInt32(f.WorkerId);
            w.WriteInt32(f.BatchId);
            w.WriteInt32(f.FailedIndex);
            w.WriteArray(f.Results, WriteResult);
            w.WriteArray(f.Durations, WriteTimeSpan);
            w.WriteString(f.Error);
        }, static (ref WireReader r) => new BatchFailed(
            r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadArray(ReadResult, 2), r.ReadArray(ReadTimeSpan), r.ReadRequiredString()))
        .Add<WorkTask>("task", WriteTask, ReadTask)
        .Add<TaskResult>("result", WriteResult, ReadResult);

    private static void WriteTask(WireWriter w, WorkTask t)
    {
        w.WriteInt32(t.TaskId);
        w.WriteObject(t.Payload);
    }

    private static WorkTask ReadTask(ref WireReader r) => new(r.ReadInt32(), r.ReadRequiredObject());

    private static void WriteResult(WireWriter w, TaskResult t)
    {
        w.WriteInt32(t.TaskId);
        w.WriteObject(t.Output);
    }

    private static TaskResult ReadResult(ref WireReader r) => new(r.ReadInt32(), r.ReadRequiredObject());

    private static void WriteTimeSpan(WireWriter w, TimeSpan t) => w.WriteTimeSpan(t);

    private static TimeSpan ReadTimeSpan(ref WireReader r) => r.ReadTimeSpan();
}
