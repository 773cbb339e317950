using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Reports;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Lab;

/// <summary>
/// What the CLI's <c>list</c>, <c>run</c> and <c>sweep</c> commands call: each takes parsed options,
/// validates them (errors are <see cref="WorkloadParameterException"/> or a configuration error, with a
/// message listing what is allowed), runs through an <see cref="IJobRunner"/>, and returns the text to print.
/// </summary>
public sealed class SimulationLab(WorkloadRegistry registry, Func<SimulationSettings, IJobRunner> runnerFactory)
{
    public WorkloadRegistry Registry { get; } = registry;

    public string List(string? configFile = null, bool json = false) =>
        LabRenderer.Workloads(Registry, configFile is null ? SimulationSettings.Load() : SimulationSettings.LoadFile(configFile, Registry), json);

    /// <summary>Runs one job; the returned report says whether the answer matched the serial reference.</summary>
    public async Task<JobReport> RunAsync(RunOptions options, CancellationToken cancellationToken = default) =>
        (await RunAsync(Plan(options), cancellationToken).ConfigureAwait(false)).Report;

    /// <summary>
    /// Loads the settings and validates everything (options, ranges, output paths) without running anything.
    /// <paramref name="cores"/>: the processors the workers share, for the W-exceeds-cores warning (null on a cluster).
    /// </summary>
    public RunPlan Plan(RunOptions options, int? cores = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.LoadSettings(Registry);
        var request = options.Resolve(Registry, settings);
        return new RunPlan(options, settings, request, Warnings(request, cores));
    }

    /// <summary>Runs a planned job, saves the image and the <c>--out</c> folder, and returns the record of it.</summary>
    public async Task<RunRecord> RunAsync(RunPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var environment = RunEnvironment.Capture();
        var report = await runnerFactory(plan.Settings).RunAsync(plan.Request, cancellationToken).ConfigureAwait(false);
        if (plan.Options.ImageFile is { } file && report.Result is Workloads.Mandelbrot.MandelbrotImage image)
            Workloads.Mandelbrot.ImageWriter.Write(image, file);
        var record = new RunRecord(report, environment.WithLoadAfter(), plan.Warnings)
        {
            AnswerValues = report.Result is { } answer ? Registry.Get(report.Workload).Values(answer) : new Dictionary<string, double>(),
        };
        if (plan.Options.Out is { } dir)
            RunFiles.Write(record, dir);
        return record;
    }

    /// <summary>What makes a run's speedup hard to read: more workers than cores to run them, or than tasks to give them.</summary>
    public static IReadOnlyList<string> Warnings(JobRequest request, int? cores)
    {
        ArgumentNullException.ThrowIfNull(request);
        var warnings = new List<string>();
        if (cores is { } c && request.Workers > c)
            warnings.Add($"W = {request.Workers} workers exceed the {c} processors of this machine: they take turns on the cores, so the speedup cannot pass {c}");
        if (request.Workers > request.Parameters.Tasks)
            warnings.Add($"W = {request.Workers} workers exceed the {request.Parameters.Tasks} tasks: {request.Workers - request.Parameters.Tasks} workers will have nothing to do (raise --tasks)");
        return warnings;
    }

    /// <summary>Checks the options (ranges and the <c>--out</c> folder) without running anything.</summary>
    public ExperimentSpec PlanSweep(SweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.LoadSettings(Registry);
        return options.Resolve(Registry, settings);
    }

    /// <summary>Runs a sweep and, with <see cref="SweepOptions.Out"/>, writes its report folder.</summary>
    public async Task<ExperimentResult> SweepAsync(SweepOptions options, IProgress<JobReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.LoadSettings(Registry);
        var spec = options.Resolve(Registry, settings);
        var environment = RunEnvironment.Capture();
        var result = await new ExperimentRunner(runnerFactory(settings), environment.Cores).RunAsync(spec, progress, cancellationToken).ConfigureAwait(false);
        result = result with { Environment = ReportEnvironment.From(environment.WithLoadAfter()) };
        if (options.Out is { } dir)
            ReportWriter.Write(result, dir);
        return result;
    }
}
