namespace ActorParallel.Simulation.Workloads;

/// <summary>
/// The typed base for task-farm workloads: override <see cref="Split"/>, <see cref="Execute(TTask)"/>,
/// <see cref="Combine"/> and <see cref="Serial"/>; everything else has a sensible default
/// (the TPL version runs the same tasks with <c>Parallel.For</c>, the check is equality).
/// </summary>
/// <typeparam name="TTask">The immutable task payload record.</typeparam>
/// <typeparam name="TOutput">The immutable per-task output.</typeparam>
/// <typeparam name="TAnswer">The combined answer.</typeparam>
public abstract class Workload<TTask, TOutput, TAnswer> : ITaskFarmWorkload
    where TTask : notnull
    where TOutput : notnull
    where TAnswer : notnull
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract long DefaultSize { get; }

    public virtual int DefaultTasks => 32;

    public virtual string SizeUnit => "units";

    public virtual WorkloadTopology Topology => WorkloadTopology.TaskFarm;

    public virtual IReadOnlyList<WorkloadOption> Options => [];

    public virtual void Validate(WorkloadParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Size < 1)
            throw new WorkloadParameterException($"{Name}: size must be at least 1 ({SizeUnit}); got {parameters.Size}");
        if (parameters.Tasks < 1)
            throw new WorkloadParameterException($"{Name}: tasks must be at least 1; got {parameters.Tasks}");
        var known = Options.Select(o => o.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in parameters.Options.Keys.Where(k => !known.Contains(k)))
        {
            var allowed = known.Count == 0 ? "none" : string.Join(", ", known.Order(StringComparer.Ordinal));
            throw new WorkloadParameterException($"{Name}: unknown option '{key}'; allowed: {allowed}");
        }
    }

    /// <summary>Splits the job into task payloads; the i-th payload gets task id i.</summary>
    protected abstract IEnumerable<TTask> Split(WorkloadParameters parameters);

    protected abstract TOutput Execute(TTask task);

    /// <summary>Override when a task waits (I/O); the default runs <see cref="Execute(TTask)"/>.</summary>
    protected virtual ValueTask<TOutput> ExecuteAsync(TTask task, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Execute(task));

    /// <summary>Combines outputs given in task-id order, so the answer does not depend on W.</summary>
    protected abstract TAnswer Combine(WorkloadParameters parameters, IReadOnlyList<TOutput> outputs);

    protected abstract TAnswer Serial(WorkloadParameters parameters);

    /// <summary>Shared-memory version; by default the same tasks under <c>Parallel.For</c>.</summary>
    protected virtual TAnswer Tpl(WorkloadParameters parameters, int workers, CancellationToken cancellationToken)
    {
        var tasks = Split(parameters).ToArray();
        var outputs = new TOutput[tasks.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
        Parallel.For(0, tasks.Length, options, i => outputs[i] = Execute(tasks[i]));
        return Combine(parameters, outputs);
    }

    protected virtual CheckResult Check(TAnswer expected, TAnswer actual) =>
        EqualityComparer<TAnswer>.Default.Equals(expected, actual)
            ? CheckResult.Pass()
            : CheckResult.Fail($"expected {Describe(expected)}, got {Describe(actual)}");

    protected virtual string Describe(TAnswer answer) => answer.ToString() ?? "";

    /// <summary>The answer's numbers (see <see cref="IWorkload.Values"/>); by default <c>value</c> for a numeric answer, else none.</summary>
    protected virtual IReadOnlyDictionary<string, double> Values(TAnswer answer) => answer switch
    {
        int i => new Dictionary<string, double> { ["value"] = i },
        long l => new Dictionary<string, double> { ["value"] = l },
        double d => new Dictionary<string, double> { ["value"] = d },
        _ => new Dictionary<string, double>(),
    };

    protected virtual long EstimateBytes(TTask task) => 64;

    protected virtual long EstimateBytes(TOutput output) => 64;

    IReadOnlyList<WorkTask> ITaskFarmWorkload.Split(WorkloadParameters parameters)
    {
        Validate(parameters);
        return Split(parameters).Select((payload, i) => new WorkTask(i, payload)).ToArray();
    }

    TaskResult ITaskFarmWorkload.Execute(WorkTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new TaskResult(task.TaskId, Execute(Payload(task)));
    }

    async ValueTask<TaskResult> ITaskFarmWorkload.ExecuteAsync(WorkTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var output = await ExecuteAsync(Payload(task), cancellationToken).ConfigureAwait(false);
        return new TaskResult(task.TaskId, output);
    }

    object ITaskFarmWorkload.Combine(WorkloadParameters parameters, IReadOnlyList<TaskResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var outputs = new TOutput[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].TaskId != i)
                throw new InvalidOperationException($"{Name}: results must be sorted by task id without gaps; position {i} holds task {results[i].TaskId}");
            outputs[i] = results[i].Output is TOutput o
                ? o
                : throw new InvalidOperationException($"{Name}: task {i} returned {results[i].Output?.GetType().Name ?? "null"}, expected {typeof(TOutput).Name}");
        }

        return Combine(parameters, outputs);
    }

    public object RunSerial(WorkloadParameters parameters, CancellationToken cancellationToken = default)
    {
        Validate(parameters);
        return Serial(parameters);
    }

    public object RunTpl(WorkloadParameters parameters, int workers, CancellationToken cancellationToken = default)
    {
        Validate(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        return Tpl(parameters, workers, cancellationToken);
    }

    CheckResult IWorkload.Check(object expected, object actual) =>
        expected is TAnswer e && actual is TAnswer a
            ? Check(e, a)
            : CheckResult.Fail($"{Name}: expected answers of type {typeof(TAnswer).Name}, got {expected?.GetType().Name} and {actual?.GetType().Name}");

    string IWorkload.Describe(object answer) => answer is TAnswer a ? Describe(a) : answer?.ToString() ?? "";

    IReadOnlyDictionary<string, double> IWorkload.Values(object answer) => answer is TAnswer a ? Values(a) : new Dictionary<string, double>();

    long ITaskFarmWorkload.EstimateBytes(object payload) => payload switch
    {
        TTask t => EstimateBytes(t),
        TOutput o => EstimateBytes(o),
        _ => 64,
    };

    private TTask Payload(WorkTask task) => task.Payload is TTask t
        ? t
        : throw new InvalidOperationException($"{Name}: task {task.TaskId} carries {task.Payload?.GetType().Name ?? "null"}, expected {typeof(TTask).Name}");
}
