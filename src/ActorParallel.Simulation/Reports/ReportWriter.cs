using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ActorParallel.Simulation.Experiments;

namespace ActorParallel.Simulation.Reports;

/// <summary>
/// Writes an experiment to a folder: <c>results.csv</c> (medians, quartiles, min, max and the raw samples),
/// <c>results.json</c>, <c>results.md</c>, the charts <c>speedup.svg</c>, <c>efficiency.svg</c> and
/// <c>time.svg</c> (see <see cref="SweepCharts"/>), and <c>report.html</c>, which holds all of them in one
/// self-contained page. Every report but the CSV opens with the environment, and every one but the CSV and the
/// charts lists the sweep's warnings.
/// </summary>
public static class ReportWriter
{
    /// <summary>The columns of <c>results.csv</c>: each time's median (wall_ms, ...), its min, quartiles, max, spread and samples.</summary>
    public static readonly IReadOnlyList<string> CsvHeader =
    [
        "workers", "mode", "size", "tasks", "repeats", "wall_ms", "serial_ms", "tpl_ms", "speedup", "speedup_vs_w1",
        "efficiency", "karp_flatt", "tpl_speedup", "load_imbalance", "messages", "correct", "busy_ms", "idle_ms", "w_eff",
        .. StatsHeader("wall"), .. StatsHeader("serial"), .. StatsHeader("tpl"),
    ];

    /// <summary>The files <see cref="Write"/> produces, in order.</summary>
    public static readonly IReadOnlyList<string> Files =
        ["results.csv", "results.json", "results.md", "speedup.svg", "efficiency.svg", "time.svg", "report.html"];

    /// <summary>The options every JSON output uses: indented, camelCase, enums as strings, NaN allowed.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// Writes all files and returns their paths. <paramref name="environment"/> is where the sweep ran; null takes
    /// <see cref="ExperimentResult.Environment"/>, else describes this process's machine (<see cref="ReportEnvironment.Current"/>).
    /// </summary>
    public static IReadOnlyList<string> Write(ExperimentResult result, string directory, ReportEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        environment ??= result.Environment ?? ReportEnvironment.Current();
        Directory.CreateDirectory(directory);
        var charts = SweepCharts.All(result, environment);
        var contents = new[]
        {
            Csv(result), Json(result, environment), Markdown(result, environment),
            charts[0].Render(), charts[1].Render(), charts[2].Render(), HtmlReport.Render(result, environment),
        };
        foreach (var (name, content) in Files.Zip(contents))
            File.WriteAllText(Path.Combine(directory, name), content, new UTF8Encoding(false));
        return [.. Files.Select(f => Path.Combine(directory, f))];
    }

    public static string Csv(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder().Row(CsvHeader);
        foreach (var p in result.Points)
            sb.Row(Cells(p));
        return sb.ToString();
    }

    /// <summary>The result as JSON, with <c>schemaVersion</c> and <c>environment</c> first and the warnings.</summary>
    public static string Json(ExperimentResult result, ReportEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        environment ??= result.Environment ?? ReportEnvironment.Current();
        var node = JsonSerializer.SerializeToNode(result, JsonOptions)!.AsObject();
        var facts = environment.Json is { } json
            ? JsonSerializer.SerializeToNode(json, json.GetType(), JsonOptions)
            : new JsonObject(environment.Facts.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)JsonValue.Create(f.Value))));
        node.Insert(1, "environment", facts);
        return node.ToJsonString(JsonOptions);
    }

    public static string Markdown(ExperimentResult result, ReportEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        environment ??= result.Environment ?? ReportEnvironment.Current();
        var spec = result.Spec;
        var sb = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"## {spec.Workload}: {SweepCharts.KindName(spec.Kind)}\n\n")
            .Append("Environment: ").Append(environment.Line).Append("\n\n")
            .Append(Summary(result)).Append("\n\n");
        if (result.Warnings.Count > 0)
            sb.Append("**Warnings**\n\n").Append(string.Concat(result.Warnings.Select(w => $"- {w.Message}\n"))).Append('\n');
        sb.Append("| ").Append(string.Join(" | ", MarkdownHeader)).Append(" |\n")
          .Append('|').Append(string.Concat(MarkdownHeader.Select(_ => "---|"))).Append('\n');
        foreach (var p in result.Points)
            sb.Append("| ").Append(string.Join(" | ", MarkdownCells(p))).Append(" |\n");
        if (result.Fit is { } fit)
            sb.Append('\n').Append(string.Concat(FitLines(fit, result.CapacityFit).Select(l => $"{l}\n")));
        sb.Append(result.AllCorrect ? "\nEvery run matched the serial reference.\n" : "\n**Some runs did not match the serial reference (column correct).**\n");
        return sb.ToString();
    }

    /// <summary>How the numbers were taken, in one paragraph.</summary>
    internal static string Summary(ExperimentResult result) => string.Create(CultureInfo.InvariantCulture,
        $"Parameters: {result.Spec.Parameters}; {result.Spec.Repeats} runs per point, interleaved round by round with the serial reference (timed once per round); medians shown, spread = (Q3 - Q1) / median, raw samples in results.csv and results.json.");

    /// <summary>The fits, as lines of text; a fit its points cannot carry is named with a pointer to the warning instead of its value.</summary>
    internal static IEnumerable<string> FitLines(SerialFractionFit fit, SerialFractionFit? capacityFit)
    {
        var speedup = fit.Law == ScalingLaw.Amdahl ? "speedup" : "scaled speedup";
        yield return string.Create(CultureInfo.InvariantCulture, $"Serial fraction fitted to {fit.Law} by least squares, on the {speedup} against the actors' own W = 1 run (speedup_vs_w1){Rounds(fit)}:");
        yield return "";
        yield return fit.Determined
            ? string.Create(CultureInfo.InvariantCulture, $"- s (against W) = {fit.SerialFraction:0.####} (R^2 = {Format.N(fit.RSquared)}, {fit.Points} points): counts every worker as a full processor, so it also absorbs the capacity the platform loses when W workers compute at once.")
            : "- s (against W): not given, too few points (see the warnings).";
        if (capacityFit is null)
            yield return "- s (against measured capacity W_eff): not available (no worker busy time was measured).";
        else if (!capacityFit.Determined)
            yield return "- s (against measured capacity W_eff): not given, too few points (see the warnings).";
        else
            yield return string.Create(CultureInfo.InvariantCulture, $"- s (against measured capacity W_eff) = {capacityFit.SerialFraction:0.####} (R^2 = {Format.N(capacityFit.RSquared)}, {capacityFit.Points} points): W replaced by W_eff = W x B(1) / B(W), B = total worker busy time for the same work (column w_eff); this is the serial fraction of the workload and the engine, the one to compare with a configured s.");
    }

    private static readonly IReadOnlyList<string> MarkdownHeader =
    [
        "workers", "mode", "size", "tasks", "repeats", "wall_ms", "wall_spread", "serial_ms", "serial_spread", "tpl_ms", "speedup", "speedup_vs_w1",
        "efficiency", "karp_flatt", "tpl_speedup", "load_imbalance", "messages", "correct", "busy_ms", "idle_ms", "w_eff",
    ];

    private static string[] StatsHeader(string name) =>
        [$"{name}_ms_min", $"{name}_ms_q1", $"{name}_ms_q3", $"{name}_ms_max", $"{name}_spread", $"{name}_ms_samples"];

    private static string[] Cells(ExperimentPoint p) =>
    [
        p.Workers.ToString(CultureInfo.InvariantCulture), p.Mode.ToString().ToLowerInvariant(), p.Size.ToString(CultureInfo.InvariantCulture),
        p.Tasks.ToString(CultureInfo.InvariantCulture), p.Repeats.ToString(CultureInfo.InvariantCulture), Format.N(p.WallMs, "0.##"),
        Format.N(p.SerialMs, "0.##"), Format.N(p.TplMs, "0.##"), Format.N(p.Speedup), Format.N(p.SpeedupVsOneWorker), Format.N(p.Efficiency),
        Format.N(p.KarpFlatt), Format.N(p.TplSpeedup), Format.N(p.LoadImbalance), p.Messages.ToString(CultureInfo.InvariantCulture), p.Correct ? "true" : "false",
        Format.N(p.BusyMs, "0.##"), Format.N(p.IdleMs, "0.##"), Format.N(p.WEff),
        .. StatsCells(p.WallMsStats), .. StatsCells(p.SerialMsStats), .. StatsCells(p.TplMsStats),
    ];

    /// <summary>min, Q1, Q3, max, spread and the samples in the order taken, separated by ';' so the cell needs no quoting.</summary>
    private static string[] StatsCells(SampleStats? s) => s is null
        ? ["", "", "", "", "", ""]
        : [Format.N(s.Min, "0.##"), Format.N(s.Q1, "0.##"), Format.N(s.Q3, "0.##"), Format.N(s.Max, "0.##"), Format.N(s.Spread, "0.####"), string.Join(";", s.Samples.Select(v => Format.N(v, "0.###")))];

    private static string[] MarkdownCells(ExperimentPoint p) =>
    [
        p.Workers.ToString(CultureInfo.InvariantCulture), p.Mode.ToString().ToLowerInvariant(), p.Size.ToString(CultureInfo.InvariantCulture),
        p.Tasks.ToString(CultureInfo.InvariantCulture), p.Repeats.ToString(CultureInfo.InvariantCulture), Format.N(p.WallMs, "0.##"), Percent(p.WallMsStats),
        Format.N(p.SerialMs, "0.##"), Percent(p.SerialMsStats), Format.N(p.TplMs, "0.##"), Format.N(p.Speedup), Format.N(p.SpeedupVsOneWorker), Format.N(p.Efficiency),
        Format.N(p.KarpFlatt), Format.N(p.TplSpeedup), Format.N(p.LoadImbalance), p.Messages.ToString(CultureInfo.InvariantCulture), p.Correct ? "true" : "false",
        Format.N(p.BusyMs, "0.##"), Format.N(p.IdleMs, "0.##"), Format.N(p.WEff),
    ];

    internal static string Percent(SampleStats? s) => s is null ? "" : Format.N(s.Spread * 100, "0.#") + "%";

    private static string Rounds(SerialFractionFit fit) =>
        fit.Rounds > 1 ? string.Create(CultureInfo.InvariantCulture, $", each round of repeats fitted on its own and the median s kept ({fit.Rounds} rounds)") : "";
}
