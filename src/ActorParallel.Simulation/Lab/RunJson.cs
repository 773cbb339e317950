using System.Text.Json;
using System.Text.Json.Serialization;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Reports;

namespace ActorParallel.Simulation.Lab;

/// <summary>
/// The JSON of <c>run --json</c> and of a failed command under <c>--json</c>, for scripts: snake_case names, every
/// time in milliseconds as a number with <c>_ms</c> in its name, the answer's numbers beside its sentence, and a
/// <see cref="SchemaVersion"/> that changes when a name or a meaning does.
/// </summary>
public static class RunJson
{
    /// <summary>Version 1: this layout. Adding a property keeps the version; renaming or removing one raises it.</summary>
    public const int SchemaVersion = 1;

    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,

        // Readable quotes and non-ASCII text: this JSON goes to scripts and files, never into an HTML page.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary><c>{ "schema_version": 1, "error": "...", "exit_code": N }</c>.</summary>
    public static string Error(string message, int exitCode) =>
        JsonSerializer.Serialize(new { SchemaVersion, Error = message, ExitCode = exitCode }, Options);

    public static string Run(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var r = record.Report;
        var p = r.Parameters;
        return JsonSerializer.Serialize(
            new
            {
                SchemaVersion,
                Command = "run",
                Environment = Environment(record.Environment),
                record.Warnings,
                r.Workload,
                Parameters = new { p.Size, p.Tasks, p.Seed, Options = p.Options.ToDictionary(o => o.Key, o => o.Value) },
                r.Workers,
                r.Mode,
                r.Placement,
                r.Correct,
                r.Check,
                r.Answer,
                record.AnswerValues,
                WallMs = Ms(r.Wall),
                SerialMs = Ms(r.Serial),
                TplMs = Ms(r.Tpl),
                r.Speedup,
                r.Efficiency,
                r.TplSpeedup,
                Metrics = r.Metrics is { } m ? Metrics(m) : null,
            },
            Options);
    }

    private static object Environment(RunEnvironment e) => new
    {
        e.Machine,
        e.Cpu,
        e.Cores,
        e.Os,
        e.Architecture,
        e.Runtime,
        Gc = e.GcMode,
        e.ConcurrentGc,
        e.Akka,
        e.Commit,
        e.Date,
        LoadAverageBefore = e.LoadBefore,
        LoadAverageAfter = e.LoadAfter,
    };

    private static object Metrics(JobMetrics m) => new
    {
        WallMs = Ms(m.Wall),
        m.TasksCompleted,
        m.TasksFailed,
        m.Dispatches,
        m.TasksPerSecond,
        m.Messages,
        m.Bytes,
        m.MessagesPerSecond,
        Latency = Percentiles(m.Latency),
        Duration = Percentiles(m.Duration),
        QueueWait = Percentiles(m.QueueWait),
        PerWorker = m.PerWorker.Select(w => new { w.WorkerId, w.Tasks, BusyMs = Ms(w.Busy), w.Utilisation, WaitedMs = Ms(w.Waited) }),
        PerNode = m.PerNode.Select(n => new { n.Node, n.Workers, n.Tasks, BusyMs = Ms(n.Busy), n.BytesOut, n.BytesIn, NetWaitMs = Ms(n.Waited) }),
        m.LoadImbalance,
        m.MeanUtilisation,
        m.Scaling.KarpFlatt,
        m.Reissued,
        m.Speculated,
        m.DuplicatesDropped,
    };

    private static object Percentiles(Percentiles p) => new { P50Ms = p.P50, P95Ms = p.P95, P99Ms = p.P99, MaxMs = p.Max };

    private static double? Ms(TimeSpan? t) => t?.TotalMilliseconds;
}
