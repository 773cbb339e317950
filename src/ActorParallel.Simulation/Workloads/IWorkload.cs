namespace ActorParallel.Simulation.Workloads;

/// <summary>
/// A computation the lab can run serially, with TPL on shared memory, and on actors.
/// Answers are opaque objects compared with <see cref="Check"/>.
/// </summary>
public interface IWorkload
{
    string Name { get; }

    string Description { get; }

    WorkloadTopology Topology { get; }

    /// <summary>Default problem size; sized so a full <c>run</c> stays well under 20 s on 2 cores.</summary>
    long DefaultSize { get; }

    int DefaultTasks { get; }

    /// <summary>What <see cref="WorkloadParameters.Size"/> means, e.g. "samples" or "matrix order".</summary>
    string SizeUnit { get; }

    IReadOnlyList<WorkloadOption> Options { get; }

    /// <summary>Throws <see cref="WorkloadParameterException"/> naming the bad parameter.</summary>
    void Validate(WorkloadParameters parameters);

    /// <summary>The serial reference: the answer every other run is checked against.</summary>
    object RunSerial(WorkloadParameters parameters, CancellationToken cancellationToken = default);

    /// <summary>A shared-memory TPL version with at most <paramref name="workers"/> threads.</summary>
    object RunTpl(WorkloadParameters parameters, int workers, CancellationToken cancellationToken = default);

    CheckResult Check(object expected, object actual);

    /// <summary>A one-line human summary of an answer.</summary>
    string Describe(object answer);

    /// <summary>
    /// The answer's numbers for machine-readable reports, named in snake_case (pi's <c>estimate</c>, counts);
    /// empty when the answer has none worth computing with (a checksum).
    /// </summary>
    IReadOnlyDictionary<string, double> Values(object answer) => new Dictionary<string, double>();
}

/// <summary>A workload made of independent tasks: split, execute each, combine in task-id order.</summary>
public interface ITaskFarmWorkload : IWorkload
{
    /// <summary>Splits the job; task ids are 0..n-1 in order.</summary>
    IReadOnlyList<WorkTask> Split(WorkloadParameters parameters);

    /// <summary>Executes one task; pure: the same task always yields the same output.</summary>
    TaskResult Execute(WorkTask task);

    /// <summary>Executes one task, awaiting instead of blocking where the workload waits (io).</summary>
    ValueTask<TaskResult> ExecuteAsync(WorkTask task, CancellationToken cancellationToken = default);

    /// <summary>Combines results (one per task, sorted by task id). Runs in the supervisor.</summary>
    object Combine(WorkloadParameters parameters, IReadOnlyList<TaskResult> results);

    /// <summary>An estimate of the serialized size of a task or result payload, for the message metrics.</summary>
    long EstimateBytes(object payload);
}
