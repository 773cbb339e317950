using System.Collections.Immutable;
using System.Globalization;
using ActorParallel.Configuration;
using ActorParallel.Simulation.Configuration;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation;

/// <summary>A workload's configured defaults: size, tasks and its own options.</summary>
public sealed record WorkloadSettings(long Size, int Tasks, ImmutableDictionary<string, string> Options)
{
    public WorkloadParameters ToParameters(int seed) =>
        new(Size, Tasks, seed) { Options = ImmutableDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, Options) };
}

/// <summary>
/// The lab's settings, read once from <c>actorparallel.lab</c> (reference: hocon/reference/lab.conf,
/// embedded as <c>ActorParallel.lab.conf</c>). Bad values, and keys under <c>actorparallel</c> that are not ours,
/// throw <see cref="HoconConfigException"/> naming the file:line:column, the path and how to fix it. The same file's
/// <c>akka</c> section is kept as <see cref="Akka"/>: the lab hands it to every actor system it creates.
/// </summary>
public sealed record SimulationSettings(
    int Workers,
    DispatchMode Mode,
    int Prefetch,
    int TaskRetries,
    TimeSpan JobTimeout,
    TimeSpan ProgressInterval,
    int Repeats,
    int Seed,
    ImmutableSortedDictionary<string, WorkloadSettings> Workloads)
{
    public const string Section = "actorparallel.lab";
    public const string ResourceName = "ActorParallel.lab.conf";

    /// <summary>Worker time one task-farm message should carry (<c>batch-time</c>); zero: one task per message.</summary>
    public TimeSpan BatchTime { get; init; } = TimeSpan.FromMilliseconds(0.5);

    /// <summary>Cluster jobs: the silence after which an idle worker gets a copy of a worker's tasks at the tail (<c>speculate-after</c>); zero: never.</summary>
    public TimeSpan SpeculateAfter { get; init; } = SpeculationPolicy.Cluster.MinSilence;

    /// <summary>The user's <c>akka</c> section (resolved by our parser), for the lab's actor systems; empty if none.</summary>
    public HoconConfig Akka { get; init; } = HoconConfig.Empty;

    /// <summary>The embedded reference configuration.</summary>
    public static HoconConfig Reference() => HoconConfigFactory.FromResource<SimulationSettings>(ResourceName);

    /// <summary>
    /// The settings from <paramref name="config"/> (may be null) falling back to the reference. Keys under
    /// <c>actorparallel</c> are checked against the reference and <paramref name="registry"/>'s workloads
    /// (default: the built-in ones).
    /// </summary>
    public static SimulationSettings Load(HoconConfig? config = null, WorkloadRegistry? registry = null)
    {
        if (config is null || config.IsEmpty)
            return Create(Reference().GetConfig(Section));
        var reference = Reference();
        LabConfigValidator.Validate(config, reference, registry ?? WorkloadRegistry.Default);
        return Create(config.WithFallback(reference).GetConfig(Section)) with { Akka = config.WithOnlyKey("akka") };
    }

    /// <summary>The settings from a user file (<c>--config FILE</c>) over the reference.</summary>
    public static SimulationSettings LoadFile(string path, WorkloadRegistry? registry = null) => Load(HoconConfigFactory.ParseFile(path), registry);

    /// <summary>Reads settings from the <c>actorparallel.lab</c> section itself.</summary>
    public static SimulationSettings Create(HoconConfig section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var workloads = ImmutableSortedDictionary.CreateBuilder<string, WorkloadSettings>(StringComparer.OrdinalIgnoreCase);
        if (section.GetValue("workloads") is HoconObject names)
        {
            foreach (var name in names.Keys)
                workloads[name] = ReadWorkload(section, name);
        }

        return new SimulationSettings(
            AtLeast(section, "workers", section.GetInt("workers", 2), 1),
            ParseMode(section.GetString("mode", "pull")!, $"{Section}.mode"),
            AtLeast(section, "prefetch", section.GetInt("prefetch", 1), 0),
            AtLeast(section, "task-retries", section.GetInt("task-retries", 3), 0),
            Positive(section, "job-timeout", section.GetTimeSpan("job-timeout", TimeSpan.FromMinutes(5))),
            Positive(section, "progress-interval", section.GetTimeSpan("progress-interval", TimeSpan.FromMilliseconds(500))),
            AtLeast(section, "repeats", section.GetInt("repeats", 5), 1),
            section.GetInt("seed", 42),
            workloads.ToImmutable())
        {
            BatchTime = NotNegative(section, "batch-time", section.GetTimeSpan("batch-time", TimeSpan.FromMilliseconds(0.5))),
            SpeculateAfter = NotNegative(section, "speculate-after", section.GetTimeSpan("speculate-after", SpeculationPolicy.Cluster.MinSilence)),
        };
    }

    /// <summary>Parameters for a workload: its configured defaults, or the workload's own if it is not configured.</summary>
    public WorkloadParameters ParametersFor(IWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return Workloads.TryGetValue(workload.Name, out var w)
            ? w.ToParameters(Seed)
            : new WorkloadParameters(workload.DefaultSize, workload.DefaultTasks, Seed);
    }

    /// <summary>Parses pull or push; anything else is an error listing both.</summary>
    public static DispatchMode ParseMode(string text, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "pull" => DispatchMode.Pull,
            "push" => DispatchMode.Push,
            _ => throw new HoconConfigException($"{where}: mode '{text}' is unknown. Fix: use pull (work pulling) or push (static round-robin)."),
        };
    }

    private static WorkloadSettings ReadWorkload(HoconConfig section, string name)
    {
        var path = $"workloads.{LabConfigValidator.HoconKey(name)}";
        var options = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        if (section.GetValue(path) is not HoconObject body)
            throw new HoconConfigException($"{Section}.{path}: expected an object like {{ size = 100, tasks = 8 }}. Fix: write the workload's settings in braces.");
        foreach (var key in body.Keys.Where(k => k is not ("size" or "tasks")))
            options[key] = section.GetString($"{path}.{LabConfigValidator.HoconKey(key)}") ?? "";
        return new WorkloadSettings(
            AtLeast(section, $"{path}.size", section.GetLong($"{path}.size", 1), 1),
            AtLeast(section, $"{path}.tasks", section.GetInt($"{path}.tasks", 1), 1),
            options.ToImmutable());
    }

    private static T AtLeast<T>(HoconConfig section, string path, T value, T minimum)
        where T : IComparable<T> =>
        value.CompareTo(minimum) >= 0
            ? value
            : throw new HoconConfigException(string.Create(CultureInfo.InvariantCulture,
                $"{Where(section, path)}{Section}.{path} = {value} is too small. Fix: set it to at least {minimum}."));

    private static TimeSpan Positive(HoconConfig section, string path, TimeSpan value) =>
        value > TimeSpan.Zero
            ? value
            : throw new HoconConfigException($"{Where(section, path)}{Section}.{path} must be a positive duration such as 5s or 500ms.");

    private static TimeSpan NotNegative(HoconConfig section, string path, TimeSpan value) =>
        value >= TimeSpan.Zero
            ? value
            : throw new HoconConfigException($"{Where(section, path)}{Section}.{path} must be a duration of zero or more such as 500us (0 = one task per message).");

    private static string Where(HoconConfig section, string path) => section.GetValue(path)?.Origin is { } origin ? $"{origin}: " : "";
}
