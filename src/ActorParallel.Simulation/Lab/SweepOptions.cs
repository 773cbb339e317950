using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Lab;

/// <summary>
/// The options of <c>sweep WORKLOAD --workers 1,2,4 [--kind strong|weak|granularity|push-vs-pull] [--repeats R]
/// [--size S] [--tasks T] [--mode pull|push] [--config FILE] [--option key=value ...] [--out DIR] [--json]</c>.
/// </summary>
public sealed record SweepOptions(string Workload, string Workers)
{
    public static readonly IReadOnlyList<string> Kinds = ["strong", "weak", "granularity", "push-vs-pull"];

    public string? Kind { get; init; }

    public int? Repeats { get; init; }

    public long? Size { get; init; }

    public int? Tasks { get; init; }

    public string? Mode { get; init; }

    public string? ConfigFile { get; init; }

    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Folder for results.csv/json/md and the SVG charts; null writes nothing.</summary>
    public string? Out { get; init; }

    public bool SkipTpl { get; init; }

    /// <summary>Worker time per task-farm message (<c>500us</c>; <c>0</c>: one task per message); default <c>batch-time</c>.</summary>
    public string? BatchTime { get; init; }

    public bool Json { get; init; }

    public ExperimentSpec Resolve(WorkloadRegistry registry, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(settings);
        var run = new RunOptions(Workload) { Size = Size, Tasks = Tasks, Mode = Mode, Options = Options, SkipTpl = SkipTpl, BatchTime = BatchTime };
        var request = run.Resolve(registry, settings);
        var spec = new ExperimentSpec(request.Workload, ParseKind(Kind ?? "strong"), RunOptions.ParseWorkerList(Workers), request.Parameters)
        {
            Repeats = Repeats ?? settings.Repeats,
            Mode = request.Mode,
            MeasureTpl = !SkipTpl,
            Prefetch = request.Prefetch,
            TaskRetries = request.TaskRetries,
            Batching = request.Batching,
        };
        spec.Validate();
        if (Out is { } folder)
            OutputPaths.EnsureWritableFolder(folder, "--out");
        return spec;
    }

    /// <summary>Loads the settings (the <c>--config</c> file over the reference), as <see cref="RunOptions.LoadSettings"/> does.</summary>
    public SimulationSettings LoadSettings(WorkloadRegistry? registry = null) => ConfigFile is null ? SimulationSettings.Load() : SimulationSettings.LoadFile(ConfigFile, registry);

    public static ExperimentKind ParseKind(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "strong" => ExperimentKind.Strong,
            "weak" => ExperimentKind.Weak,
            "granularity" => ExperimentKind.Granularity,
            "push-vs-pull" or "pushvspull" => ExperimentKind.PushVsPull,
            _ => throw new WorkloadParameterException($"--kind '{text}' is unknown; allowed: {string.Join(", ", Kinds)}"),
        };
    }
}
