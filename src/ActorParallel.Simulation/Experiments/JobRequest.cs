using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Experiments;

/// <summary>How the supervisor hands out tasks.</summary>
public enum DispatchMode
{
    /// <summary>Work pulling: an idle worker asks for work and holds a small prefetch window.</summary>
    Pull,

    /// <summary>Static push: tasks are dealt round-robin to workers up front.</summary>
    Push,
}

/// <summary>Makes a worker throw on chosen tasks, to exercise restart and retry.</summary>
/// <param name="EveryNthTask">Tasks whose id is a multiple of this throw (0 = none).</param>
/// <param name="FailuresPerTask">How many attempts of such a task throw before one succeeds.</param>
public sealed record FaultInjection(int EveryNthTask, int FailuresPerTask = 1)
{
    public bool ShouldFail(int taskId, int attempt) => EveryNthTask > 0 && taskId % EveryNthTask == 0 && attempt < FailuresPerTask;
}

/// <summary>One job to run: which workload, its parameters, and how many workers in which mode.</summary>
public sealed record JobRequest(string Workload, WorkloadParameters Parameters, int Workers, DispatchMode Mode = DispatchMode.Pull)
{
    /// <summary>Also run (and time) the serial reference; the answer is always checked against it.</summary>
    public bool MeasureSerial { get; init; } = true;

    /// <summary>Also run (and time) the TPL shared-memory version with the same W.</summary>
    public bool MeasureTpl { get; init; } = true;

    /// <summary>Tasks a pulling worker may hold beyond the one it runs.</summary>
    public int Prefetch { get; init; } = 1;

    /// <summary>Retries per task after a worker failure before the job fails naming the task.</summary>
    public int TaskRetries { get; init; } = 3;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    public FaultInjection? Faults { get; init; }

    /// <summary>How task-farm engines group small tasks into messages (default: half a millisecond of work each).</summary>
    public BatchPolicy Batching { get; init; } = BatchPolicy.Default;

    /// <summary>Speculative copies of a silent worker's tasks at the job's tail (null: none; the cluster engine sets it).</summary>
    public SpeculationPolicy? Speculation { get; init; }
}
