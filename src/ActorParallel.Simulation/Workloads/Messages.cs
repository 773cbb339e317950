namespace ActorParallel.Simulation.Workloads;

/// <summary>
/// One unit of work as it travels from the supervisor to a worker. The payload is the
/// workload's own immutable task record; nothing else is shared between the two sides.
/// </summary>
public sealed record WorkTask(int TaskId, object Payload);

/// <summary>The answer to one <see cref="WorkTask"/>, travelling back to the supervisor.</summary>
public sealed record TaskResult(int TaskId, object Output);

/// <summary>The outcome of comparing a run's answer with the serial reference.</summary>
public sealed record CheckResult(bool Passed, string Detail)
{
    public static CheckResult Pass(string detail = "identical to the serial reference") => new(true, detail);

    public static CheckResult Fail(string detail) => new(false, detail);
}

/// <summary>How a workload's parallel part is organised.</summary>
public enum WorkloadTopology
{
    /// <summary>Independent tasks handed out by a supervisor: split, execute, combine.</summary>
    TaskFarm,

    /// <summary>The workload brings its own actor topology (for example heat's halo exchange).</summary>
    Custom,
}

/// <summary>A workload-specific option, listed by <c>list</c> and validated by the workload.</summary>
public sealed record WorkloadOption(string Name, string Default, string Description);
