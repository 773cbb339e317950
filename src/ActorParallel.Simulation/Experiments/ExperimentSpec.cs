using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Experiments;

public enum ExperimentKind
{
    /// <summary>Fixed problem, growing W: Amdahl.</summary>
    Strong,

    /// <summary>Problem grown with W (work per worker fixed): Gustafson.</summary>
    Weak,

    /// <summary>Fixed W and problem, growing task count: overhead against balance.</summary>
    Granularity,

    /// <summary>Both dispatch modes at each W.</summary>
    PushVsPull,
}

/// <summary>One planned measurement: run this job <c>Repeats</c> times and keep the median.</summary>
public sealed record ExperimentPointSpec(int Workers, DispatchMode Mode, WorkloadParameters Parameters);

/// <summary>An experiment: a workload swept along one axis, each point repeated.</summary>
public sealed record ExperimentSpec(string Workload, ExperimentKind Kind, IReadOnlyList<int> Workers, WorkloadParameters Parameters)
{
    public int Repeats { get; init; } = 3;

    public DispatchMode Mode { get; init; } = DispatchMode.Pull;

    /// <summary>Task counts for <see cref="ExperimentKind.Granularity"/>; by default W, 2W, 4W, ... up to 64W.</summary>
    public IReadOnlyList<int>? TaskCounts { get; init; }

    /// <summary>Runs the first point once, unrecorded, so JIT and cold caches do not land in the first measurement.</summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>Runs the TPL version beside each actor run.</summary>
    public bool MeasureTpl { get; init; } = true;

    /// <summary>Tasks a pulling worker may hold beyond the one it runs, at every point.</summary>
    public int Prefetch { get; init; } = 1;

    /// <summary>Retries per task after a worker failure, at every point.</summary>
    public int TaskRetries { get; init; } = 3;

    /// <summary>How small tasks are grouped into messages, at every point.</summary>
    public Engine.BatchPolicy Batching { get; init; } = Engine.BatchPolicy.Default;

    public void Validate()
    {
        if (Workers.Count == 0 || Workers.Any(w => w < 1))
            throw new WorkloadParameterException($"workers must be a non-empty list of positive counts, e.g. 1,2,4; got '{string.Join(",", Workers)}'");
        if (Repeats < 1)
            throw new WorkloadParameterException($"repeats must be at least 1; got {Repeats}");
    }

    /// <summary>The points to measure, in order.</summary>
    public IReadOnlyList<ExperimentPointSpec> Plan()
    {
        Validate();
        var workers = Workers.Distinct().Order().ToArray();
        return Kind switch
        {
            ExperimentKind.Strong => [.. workers.Select(w => new ExperimentPointSpec(w, Mode, Parameters))],
            ExperimentKind.Weak => [.. workers.Select(w => new ExperimentPointSpec(w, Mode, WeakScaled(Workload, Parameters, w)))],
            ExperimentKind.Granularity => [.. (TaskCounts ?? DefaultTaskCounts(workers[^1])).Select(t => new ExperimentPointSpec(workers[^1], Mode, Parameters with { Tasks = t }))],
            ExperimentKind.PushVsPull => [.. workers.SelectMany(w => new[] { DispatchMode.Pull, DispatchMode.Push }.Select(m => new ExperimentPointSpec(w, m, Parameters)))],
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
        };
    }

    /// <summary>
    /// Grows the problem so the work per worker stays fixed: work is linear in size for most workloads,
    /// quadratic for grids and images (size is a side), cubic for matmul (size is the order).
    /// Tasks grow with W too, keeping task granularity constant.
    /// </summary>
    public static WorkloadParameters WeakScaled(string workload, WorkloadParameters parameters, int workers)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var size = (long)Math.Round(parameters.Size * Math.Pow(workers, 1 / WorkExponent(workload)));
        var tasks = parameters.Tasks * workers;
        if (workload.Equals("heat", StringComparison.OrdinalIgnoreCase))
            tasks = (int)Math.Min(tasks, size - 2);
        return parameters with { Size = size, Tasks = tasks };
    }

    /// <summary>How many times more work a job of <paramref name="size"/> is than one of <paramref name="baseSize"/> (size^k, k as in <see cref="WeakScaled"/>).</summary>
    public static double WorkRatio(string workload, long baseSize, long size) =>
        baseSize > 0 ? Math.Pow((double)size / baseSize, WorkExponent(workload)) : double.NaN;

    /// <summary>Work grows as size^k: k = 3 for matmul (order n), 2 for grids and images (side), 1 otherwise.</summary>
    private static double WorkExponent(string workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return workload.ToLowerInvariant() switch
        {
            "matmul" => 3,
            "mandelbrot" or "heat" => 2,
            _ => 1,
        };
    }

    private static int[] DefaultTaskCounts(int workers) => [.. Enumerable.Range(0, 7).Select(i => workers << i)];
}
