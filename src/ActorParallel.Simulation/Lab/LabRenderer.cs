using System.Globalization;
using System.Text;
using System.Text.Json;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Reports;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Lab;

/// <summary>Renders what the lab commands print: plain-text tables or JSON.</summary>
public static class LabRenderer
{
    /// <summary>The <c>list</c> output: name, default size and tasks, options, description.</summary>
    public static string Workloads(WorkloadRegistry registry, SimulationSettings settings, bool json = false)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(settings);
        var rows = registry.All.Select(w =>
        {
            var p = settings.ParametersFor(w);
            return new
            {
                w.Name,
                Topology = w.Topology.ToString(),
                p.Size,
                w.SizeUnit,
                p.Tasks,
                Options = w.Options.ToDictionary(o => o.Name, o => p.GetString(o.Name, o.Default)),
                w.Description,
            };
        }).ToArray();
        if (json)
            return JsonSerializer.Serialize(rows, ReportWriter.JsonOptions);
        return Table(
            ["workload", "size", "tasks", "options", "description"],
            rows.Select(r => new[]
            {
                r.Name, r.Size.ToString(CultureInfo.InvariantCulture) + " " + Unit(r.SizeUnit), r.Tasks.ToString(CultureInfo.InvariantCulture),
                string.Join(" ", r.Options.Select(o => $"{o.Key}={o.Value}")), r.Description,
            }));
    }

    /// <summary>
    /// The <c>run</c> output: the environment line and the warnings first, then <see cref="Job"/>; or, with
    /// <paramref name="json"/>, <see cref="RunJson.Run"/>.
    /// </summary>
    public static string Run(RunRecord record, bool json = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (json)
            return RunJson.Run(record);
        var sb = new StringBuilder().Append("environment: ").Append(record.Environment.Describe()).Append('\n');
        foreach (var warning in record.Warnings)
            sb.Append("warning: ").Append(warning).Append('\n');
        return sb.Append('\n').Append(Job(record.Report)).ToString();
    }

    /// <summary>The <c>run</c> output: the answer check and the actor/serial/TPL timings side by side.</summary>
    public static string Job(JobReport report, bool json = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (json)
            return JsonSerializer.Serialize(report, ReportWriter.JsonOptions);
        var sb = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{report.Workload} ({report.Parameters}), W = {report.Workers}, mode = {report.Mode.ToString().ToLowerInvariant()}\n")
            .Append(CultureInfo.InvariantCulture, $"answer: {report.Answer}\n")
            .Append(CultureInfo.InvariantCulture, $"check:  {(report.Correct ? "OK" : "FAILED")} - {report.Check}\n\n");
        var rows = new List<string[]>();
        if (report.Serial is { } serial)
            rows.Add(["serial", Ms(serial), "1", "", "reference"]);
        rows.Add(["actors", Ms(report.Wall), Format.N(report.Speedup, "0.00"), Format.N(report.Efficiency, "0.00"), report.Placement ?? $"W = {report.Workers} worker actors on {report.Workers} threads"]);
        if (report.Tpl is { } tpl)
            rows.Add(["TPL", Ms(tpl), Format.N(report.TplSpeedup, "0.00"), Format.N(report.TplSpeedup / report.Workers, "0.00"), $"MaxDegreeOfParallelism = {report.Workers}"]);
        sb.Append(Table(["run", "time ms", "speedup", "efficiency", "notes"], rows));
        if (report.Metrics is { } m)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\ntasks {m.TasksCompleted} ({m.TasksPerSecond:0.#}/s), failures {m.TasksFailed}, dispatches {m.Dispatches}, messages {m.Messages} ({m.MessagesPerSecond:0.#}/s, {m.Bytes} bytes)\n")
              .Append(m.Reissued > 0 || m.DuplicatesDropped > 0 || m.Speculated > 0
                  ? string.Create(CultureInfo.InvariantCulture, $"lost or silent workers: {m.Reissued} tasks re-issued, {m.Speculated} speculative copies, {m.DuplicatesDropped} duplicate results dropped\n")
                  : "")
              .Append(CultureInfo.InvariantCulture, $"task latency ms p50 {m.Latency.P50:0.###} p95 {m.Latency.P95:0.###} p99 {m.Latency.P99:0.###} (queue wait p50 {m.QueueWait.P50:0.###}); load imbalance (max/mean busy) {m.LoadImbalance:0.###}")
              .Append(m.Scaling.KarpFlatt is { } e ? string.Create(CultureInfo.InvariantCulture, $"; Karp-Flatt e = {e:0.###}") : "").Append('\n')
              .Append("busy per worker: ").Append(string.Join(", ", m.PerWorker.Select(w => string.Create(CultureInfo.InvariantCulture, $"w{w.WorkerId} {w.Tasks} tasks {w.Utilisation:P0}")))).Append('\n');
            if (m.PerNode.Count > 0)
                sb.Append('\n').Append(Nodes(m.PerNode));
        }

        return sb.ToString();
    }

    /// <summary>
    /// A row per worker node: its tasks and busy time, the bytes our serializer wrote to it (batches) and read from it
    /// (results), and its batches' round trips beyond their compute (network both ways, plus queueing behind a prefetched batch).
    /// </summary>
    public static string Nodes(IReadOnlyList<NodeMetrics> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return Table(
            ["node", "workers", "tasks", "busy ms", "bytes out", "bytes in", "net wait ms"],
            nodes.Select(n => new[]
            {
                n.Node, Format.N(n.Workers, "0"), Format.N(n.Tasks, "0"), Ms(n.Busy), Format.N(n.BytesOut, "0"), Format.N(n.BytesIn, "0"), Ms(n.Waited),
            }));
    }

    /// <summary>The <c>sweep</c> output: the Markdown table of <see cref="ReportWriter"/>, or its JSON.</summary>
    public static string Sweep(ExperimentResult result, bool json = false) =>
        json ? ReportWriter.Json(result) : ReportWriter.Markdown(result);

    /// <summary>A plain left-aligned text table.</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        var all = new List<string[]> { header.ToArray() };
        all.AddRange(rows);
        var widths = header.Select((_, i) => all.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        var sb = new StringBuilder();
        foreach (var (row, index) in all.Select((r, i) => (r, i)))
        {
            sb.Append(string.Join("  ", row.Select((c, i) => i == row.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd()).Append('\n');
            if (index == 0)
                sb.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        }

        return sb.ToString();
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Unit(string sizeUnit) => sizeUnit.Split(' ', 2)[0];
}
