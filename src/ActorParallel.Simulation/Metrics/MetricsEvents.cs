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
