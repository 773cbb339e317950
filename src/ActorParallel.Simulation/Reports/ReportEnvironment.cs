using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace ActorParallel.Simulation.Reports;

/// <summary>One fact about where a report was measured, e.g. ("cores", "2").</summary>
public sealed record EnvironmentFact(string Name, string Value);

/// <summary>
/// What every report opens with: where and when it was measured. The reports print <see cref="Facts"/> (the HTML
/// report as a table, the charts as one line under the title) and the JSON writes <see cref="Json"/> when it is
/// set (the CLI's full description of the run's environment, in its own shape), else the facts as an object.
/// </summary>
public sealed record ReportEnvironment(IReadOnlyList<EnvironmentFact> Facts)
{
    /// <summary>The object the JSON report writes as <c>environment</c>; null writes <see cref="Facts"/> as name/value pairs.</summary>
    public object? Json { get; init; }

    /// <summary>The facts on one line, for under a chart's title.</summary>
    public string Line => string.Join(", ", Facts.Select(f => $"{f.Name} {f.Value}"));

    /// <summary>The CLI's description of a run's environment, as facts for the reports and itself for the JSON.</summary>
    public static ReportEnvironment From(RunEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new ReportEnvironment(
        [
            new("machine", environment.Machine),
            new("CPU", environment.Cpu),
            new("cores", environment.Cores.ToString(CultureInfo.InvariantCulture)),
            new("OS", $"{environment.Os} {environment.Architecture}"),
            new("runtime", environment.Runtime),
            new("GC", environment.GcMode + (environment.ConcurrentGc ? ", concurrent" : ", non-concurrent")),
            new("Akka.NET", environment.Akka),
            new("commit", environment.Commit),
            new("date", environment.Date.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            new("load before", environment.LoadBefore ?? "n/a"),
            new("load after", environment.LoadAfter ?? "n/a"),
        ])
        { Json = environment };
    }

    /// <summary>
    /// A minimal description of this process's machine, taken now: machine, OS, cores, .NET, GC mode and the
    /// date. It has no commit and no load: reports get those from the caller's fuller description.
    /// </summary>
    public static ReportEnvironment Current() => new(
    [
        new("machine", Environment.MachineName),
        new("OS", RuntimeInformation.OSDescription),
        new("cores", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
        new(".NET", Environment.Version.ToString()),
        new("GC", (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : ", concurrent")),
        new("date", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
    ]);
}
