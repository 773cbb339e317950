namespace ActorParallel.Simulation.Metrics;

/// <summary>
/// Something that happened during a job, stamped with the time since the job's clock started.
/// Events are immutable messages: the metrics actor receives them from supervisor and workers.
/// </summary>
public abstract record MetricsEvent(TimeSpan At);

public sealed record JobStarted(TimeSpan At, string Workload, int Workers, int Tasks) : MetricsEvent(At);

public sealed record JobFinished(TimeSpan At, bool Succeeded) : MetricsEvent(At);

/// <summary>The supervisor handed task <see cref="TaskId"/> to worker <see cref="WorkerId"/> (again, on a retry).</summary>
public sealed record TaskDispatched(TimeSpan At, int TaskId, int WorkerId) : MetricsEvent(At);

/// <summary>A worker began a task (engines derive it from the completion time minus the worker's busy time).</summary>
public sealed record TaskStarted(TimeSpan At, int TaskId, int WorkerId) : MetricsEvent(At);

/// <summary>A worker finished a task; <see cref="Duration"/> is the worker's busy time on it.</summary>
public sealed record TaskCompleted(TimeSpan At, int TaskId, int WorkerId, TimeSpan Duration) : MetricsEvent(At);

public sealed record TaskFailed(TimeSpan At, int TaskId, int WorkerId, string Error) : MetricsEvent(At);

/// <summary>Messages between actors (one, or a peer's total) with their estimated serialized size.</summary>
public sealed record MessageSent(TimeSpan At, long Bytes, int Count = 1) : MetricsEvent(At);

/// <summary>
/// One completed task as the supervisor saw it, on the job clock (ticks): when its batch was sent, when the worker
/// started and finished it (derived from the worker's busy times and the batch's arrival), and who ran it.
/// </summary>
public readonly record struct TaskRecord(int TaskId, int WorkerId, long DispatchedTicks, long StartedTicks, long CompletedTicks)
{
    public TimeSpan Duration => TimeSpan.FromTicks(CompletedTicks - StartedTicks);
}

/// <summary>
/// Metrics aggregated where they happen and shipped together: the supervisor collects what its batches did and
/// sends one of these every few hundred tasks (and before the job ends), instead of a message per event.
/// <see cref="Completed"/> holds fresh completions only (each task once).
/// </summary>
public sealed record MetricsBatch(TimeSpan At, TaskRecord[] Completed, int Dispatches, int Failures, long Messages, long Bytes) : MetricsEvent(At);

/// <summary>The supervisor's ledger at the end of a job: tasks re-issued after a worker was lost, duplicate results dropped.</summary>
public sealed record LedgerSummary(TimeSpan At, int Reissued, int DuplicatesDropped) : MetricsEvent(At)
{
    /// <summary>Tasks copied to idle workers because the worker holding them was silent (speculation at the tail).</summary>
    public int Speculated { get; init; }
}

/// <summary>
/// How long each worker's batches spent away beyond their compute, summed by worker id, at the end of a job: a batch's
/// round trip (sent to result back) minus the busy time it reports. That is the time in transit both ways plus the time
/// it queued at the worker behind the batch before it (prefetch); across a cluster, mostly the network.
/// </summary>
public sealed record WorkerWaits(TimeSpan At, TimeSpan[] Waited) : MetricsEvent(At);

/// <summary>A worker node of a cluster job: its address, the ids of its workers, and the bytes our serializer wrote to it and read from it.</summary>
public sealed record NodeTraffic(string Node, int[] WorkerIds, long BytesOut, long BytesIn);

/// <summary>The worker nodes of a cluster job, at its end (see <see cref="NodeTraffic"/>).</summary>
public sealed record NodeSummary(TimeSpan At, NodeTraffic[] Nodes) : MetricsEvent(At);
