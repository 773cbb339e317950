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
    public async Task<JobReport> RunAsync(RunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.LoadSettings(Registry);
        var request = options.Resolve(Registry, settings);
        if (options.ImageFile is not null && !request.Workload.Equals("mandelbrot", StringComparison.OrdinalIgnoreCase))
            throw new WorkloadParameterException($"--image works only with mandelbrot, not {request.Workload}");
        var report = await runnerFactory(settings).RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (options.ImageFile is { } file && report.Result is Workloads.Mandelbrot.MandelbrotImage image)
            Workloads.Mandelbrot.ImageWriter.Write(image, file);
        return report;
    }

    /// <summary>Runs a sweep and, with <see cref="SweepOptions.Out"/>, writes its report folder.</summary>
    public async Task<ExperimentResult> SweepAsync(SweepOptions options, IProgress<JobReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.ConfigFile is null ? SimulationSettings.Load() : SimulationSettings.LoadFile(options.ConfigFile, Registry);
        var spec = options.Resolve(Registry, settings);
        var result = await new ExperimentRunner(runnerFactory(settings)).RunAsync(spec, progress, cancellationToken).ConfigureAwait(false);
        if (options.Out is { } dir)
            ReportWriter.Write(result, dir);
        return result;
    }
}
