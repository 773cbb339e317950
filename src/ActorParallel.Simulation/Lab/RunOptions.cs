using System.Collections.Immutable;
using System.Globalization;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Lab;

/// <summary>
/// The options of <c>run WORKLOAD [--workers N] [--size S] [--tasks T] [--mode pull|push] [--config FILE]
/// [--seed N] [--prefetch P] [--timeout 30s] [--option key=value ...] [--fail-every N] [--no-tpl] [--image FILE.png] [--out DIR] [--json]</c>, as the CLI parsed them (strings and
/// nullables: anything left null comes from the configuration). <see cref="Resolve"/> validates them.
/// </summary>
public sealed record RunOptions(string Workload)
{
    /// <summary>The most workers a job may have: PLINQ (the TPL comparison) accepts at most 512 degrees of parallelism.</summary>
    public const int MaxWorkers = 512;

    public int? Workers { get; init; }

    public long? Size { get; init; }

    public int? Tasks { get; init; }

    public string? Mode { get; init; }

    public string? ConfigFile { get; init; }

    public int? Seed { get; init; }

    /// <summary>Tasks a pulling worker may hold beyond the one it runs (raise it for io).</summary>
    public int? Prefetch { get; init; }

    /// <summary>Job timeout as a HOCON duration (<c>30s</c>, <c>2m</c>); default <c>job-timeout</c>.</summary>
    public string? Timeout { get; init; }

    /// <summary>Worker time per task-farm message as a HOCON duration (<c>500us</c>, <c>0</c>); default <c>batch-time</c>.</summary>
    public string? BatchTime { get; init; }

    /// <summary>Workload options as <c>key=value</c> strings (for example <c>max-iter=500</c>).</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Fault injection: workers throw once on every task whose id is a multiple of this.</summary>
    public int? FailEvery { get; init; }

    public bool SkipTpl { get; init; }

    /// <summary>mandelbrot only: save the image here (<c>.png</c> or <c>.pgm</c>).</summary>
    public string? ImageFile { get; init; }

    /// <summary>Folder to save the run in (run.json and run.txt); null saves nothing.</summary>
    public string? Out { get; init; }

    public bool Json { get; init; }

    /// <summary>Loads the settings (the <c>--config</c> file over the reference).</summary>
    public SimulationSettings LoadSettings(WorkloadRegistry? registry = null) => ConfigFile is null ? SimulationSettings.Load() : SimulationSettings.LoadFile(ConfigFile, registry);

    /// <summary>
    /// Turns the options into a validated <see cref="JobRequest"/>. Errors are <see cref="WorkloadParameterException"/>s
    /// that name the option and list what is allowed.
    /// </summary>
    public JobRequest Resolve(WorkloadRegistry registry, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(settings);
        var workload = registry.Get(Workload);
        var p = settings.ParametersFor(workload);
        p = p with { Size = Size ?? p.Size, Tasks = Tasks ?? p.Tasks, Seed = Seed ?? p.Seed, Options = p.Options.SetItems(ParseOptions(Options)) };
        workload.Validate(p);
        var workers = Workers ?? settings.Workers;
        if (workers is < 1 or > MaxWorkers)
            throw new WorkloadParameterException($"--workers must be between 1 and {MaxWorkers}; got {workers}");
        if (Prefetch is < 0 or > 10_000)
            throw new WorkloadParameterException($"--prefetch must be between 0 and 10000; got {Prefetch}");
        var timeout = Timeout is null ? settings.JobTimeout : ParseDuration(Timeout);
        if (FailEvery is < 1)
            throw new WorkloadParameterException($"--fail-every must be at least 1; got {FailEvery}");
        if (ImageFile is { } image)
        {
            if (!workload.Name.Equals("mandelbrot", StringComparison.OrdinalIgnoreCase))
                throw new WorkloadParameterException($"--image works only with mandelbrot, not {workload.Name}; drop --image or run mandelbrot");
            OutputPaths.CheckImageFile(image, "--image");
        }

        if (Out is { } folder)
            OutputPaths.EnsureWritableFolder(folder, "--out");
        return new JobRequest(workload.Name, p, workers, Mode is null ? settings.Mode : ParseMode(Mode))
        {
            Prefetch = Prefetch ?? settings.Prefetch,
            TaskRetries = settings.TaskRetries,
            Timeout = timeout,
            MeasureTpl = !SkipTpl,
            Faults = FailEvery is { } n ? new FaultInjection(n) : null,
            Batching = new BatchPolicy(BatchTime is null ? settings.BatchTime : ParseDuration(BatchTime, "--batch-time", allowZero: true)),
            Speculation = settings.SpeculateAfter > TimeSpan.Zero ? new SpeculationPolicy(settings.SpeculateAfter) : null,
        };
    }

    public static DispatchMode ParseMode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "pull" => DispatchMode.Pull,
            "push" => DispatchMode.Push,
            _ => throw new WorkloadParameterException($"--mode '{text}' is unknown; allowed: pull (work pulling), push (static round-robin)"),
        };
    }

    /// <summary>
    /// Parses a positive duration with its unit, such as <c>500ms</c>, <c>30s</c> or <c>2m</c> (any HOCON duration unit).
    /// A bare number is refused, because HOCON would read it as milliseconds; only <c>0</c> needs no unit.
    /// </summary>
    public static TimeSpan ParseDuration(string text, string option = "--timeout", bool allowZero = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var isZero = double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare) && bare == 0;
        if (trimmed.Length > 0 && !char.IsLetter(trimmed[^1]) && !(allowZero && isZero))
        {
            throw new WorkloadParameterException(double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? $"{option} '{text}' has no unit; add one, e.g. {trimmed}s, {trimmed}ms or {trimmed}m (units: us, ms, s, m, h)"
                : $"{option} '{text}' is not a duration; write for example 30s, 500ms, 500us or 2m");
        }

        TimeSpan value;
        try
        {
            value = ActorParallel.Configuration.HoconConfigFactory.ParseString($"t = {trimmed}").GetTimeSpan("t");
        }
        catch (ActorParallel.Configuration.HoconConfigException)
        {
            throw new WorkloadParameterException($"{option} '{text}' is not a duration; write for example 30s, 500ms, 500us or 2m");
        }

        return value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero)
            ? value
            : throw new WorkloadParameterException($"{option} must be {(allowZero ? "zero or more" : "positive")}; got '{text}'");
    }

    /// <summary>Parses <c>key=value</c> pairs.</summary>
    public static ImmutableDictionary<string, string> ParseOptions(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var options = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw new WorkloadParameterException($"--option '{pair}' must look like key=value, e.g. max-iter=500");
            options[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }

        return options.ToImmutable();
    }

    /// <summary>Parses a worker list such as <c>1,2,4</c>.</summary>
    public static IReadOnlyList<int> ParseWorkerList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var workers = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) || w < 1)
                throw new WorkloadParameterException($"--workers '{text}': '{part}' is not a positive integer; write a list such as 1,2,4");
            if (w > MaxWorkers)
                throw new WorkloadParameterException($"--workers '{text}': {w} is more than {MaxWorkers}; each count must be between 1 and {MaxWorkers}");
            workers.Add(w);
        }

        return workers.Count > 0 ? workers : throw new WorkloadParameterException("--workers needs at least one count, such as 1,2,4");
    }
}
