using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActorParallel.Simulation.Experiments;

namespace ActorParallel.Simulation.Reports;

/// <summary>
/// Writes an experiment to a folder: <c>results.csv</c>, <c>results.json</c>, <c>results.md</c>,
/// <c>speedup.svg</c> and <c>efficiency.svg</c> (measured, TPL, ideal and fitted-law lines).
/// </summary>
public static class ReportWriter
{
    public static readonly IReadOnlyList<string> CsvHeader =
    [
        "workers", "mode", "size", "tasks", "repeats", "wall_ms", "serial_ms", "tpl_ms", "speedup", "speedup_vs_w1",
        "efficiency", "karp_flatt", "tpl_speedup", "load_imbalance", "messages", "correct",
    ];

    /// <summary>The options every JSON output uses: indented, camelCase, enums as strings, NaN allowed.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Writes all files and returns their paths.</summary>
    public static IReadOnlyList<string> Write(ExperimentResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var files = new (string Name, string Content)[]
        {
            ("results.csv", Csv(result)),
            ("results.json", Json(result)),
            ("results.md", Markdown(result)),
            ("speedup.svg", SpeedupChart(result).Render()),
            ("efficiency.svg", EfficiencyChart(result).Render()),
        };
        foreach (var (name, content) in files)
            File.WriteAllText(Path.Combine(directory, name), content, new UTF8Encoding(false));
        return [.. files.Select(f => Path.Combine(directory, f.Name))];
    }

    public static string Csv(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder().Row(CsvHeader);
        foreach (var p in result.Points)
            sb.Row(Cells(p));
        return sb.ToString();
    }

    public static string Json(ExperimentResult result) => JsonSerializer.Serialize(result, JsonOptions);

    public static string Markdown(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var spec = result.Spec;
        var sb = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"## {spec.Workload}: {spec.Kind} scaling\n\n")
            .Append(CultureInfo.InvariantCulture, $"Parameters: {spec.Parameters}; {spec.Repeats} repeats per point (median shown).\n\n")
            .Append("| ").Append(string.Join(" | ", CsvHeader)).Append(" |\n")
            .Append('|').Append(string.Concat(CsvHeader.Select(_ => "---|"))).Append('\n');
        foreach (var p in result.Points)
            sb.Append("| ").Append(string.Join(" | ", Cells(p))).Append(" |\n");
        if (result.Fit is { } fit)
            sb.Append(CultureInfo.InvariantCulture, $"\nFitted serial fraction ({fit.Law}): s = {fit.SerialFraction:0.####} (R^2 = {Format.N(fit.RSquared)}, {fit.Points} points).\n");
        sb.Append(result.AllCorrect ? "\nEvery run matched the serial reference.\n" : "\n**Some runs did not match the serial reference (column correct).**\n");
        return sb.ToString();
    }

    public static SvgChart SpeedupChart(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var maxW = result.Points.Max(p => p.Workers);
        var series = new List<ChartSeries>();
        if (result.Spec.Kind != ExperimentKind.Granularity)
            series.Add(new("ideal (S = W)", [(0, 0), (maxW, maxW)], "#888888", Dashed: true));
        foreach (var (mode, colour) in new[] { (DispatchMode.Pull, "#1f77b4"), (DispatchMode.Push, "#d62728") })
        {
            var points = result.Points.Where(p => p.Mode == mode && Speedup(p, result.Spec.Kind) is not null)
                .Select(p => ((double)XOf(p, result.Spec.Kind), Speedup(p, result.Spec.Kind)!.Value)).ToArray();
            if (points.Length > 0)
                series.Add(new($"actors ({mode.ToString().ToLowerInvariant()})", points, colour));
        }

        var tpl = result.Points.Where(p => p.Mode == DispatchMode.Pull && p.TplSpeedup is not null).Select(p => ((double)XOf(p, result.Spec.Kind), p.TplSpeedup!.Value)).ToArray();
        if (tpl.Length > 0)
            series.Add(new("TPL", tpl, "#2ca02c"));
        if (result.Fit is { } fit)
            series.Add(new($"{fit.Law} s={fit.SerialFraction:0.###}", Curve(maxW, fit.Predict), "#ff7f0e", Dashed: true));
        return new SvgChart($"{result.Spec.Workload}: speedup ({result.Spec.Kind})", XLabel(result.Spec.Kind), "speedup", series);
    }

    public static SvgChart EfficiencyChart(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var maxW = result.Points.Max(p => p.Workers);
        var series = new List<ChartSeries> { new("ideal (E = 1)", [(1, 1), (maxW, 1)], "#888888", Dashed: true) };
        foreach (var (mode, colour) in new[] { (DispatchMode.Pull, "#1f77b4"), (DispatchMode.Push, "#d62728") })
        {
            var points = result.Points.Where(p => p.Mode == mode && Speedup(p, result.Spec.Kind) is not null)
                .Select(p => ((double)p.Workers, Speedup(p, result.Spec.Kind)!.Value / p.Workers)).ToArray();
            if (points.Length > 0)
                series.Add(new($"actors ({mode.ToString().ToLowerInvariant()})", points, colour));
        }

        if (result.Fit is { } fit)
            series.Add(new($"{fit.Law} s={fit.SerialFraction:0.###}", Curve(maxW, w => fit.Predict(w) / w, from: 1), "#ff7f0e", Dashed: true));
        return new SvgChart($"{result.Spec.Workload}: efficiency ({result.Spec.Kind})", "workers W", "efficiency", series);
    }

    private static string[] Cells(ExperimentPoint p) =>
    [
        p.Workers.ToString(CultureInfo.InvariantCulture), p.Mode.ToString().ToLowerInvariant(), p.Size.ToString(CultureInfo.InvariantCulture),
        p.Tasks.ToString(CultureInfo.InvariantCulture), p.Repeats.ToString(CultureInfo.InvariantCulture), Format.N(p.WallMs, "0.##"),
        Format.N(p.SerialMs, "0.##"), Format.N(p.TplMs, "0.##"), Format.N(p.Speedup), Format.N(p.SpeedupVsOneWorker), Format.N(p.Efficiency),
        Format.N(p.KarpFlatt), Format.N(p.TplSpeedup), Format.N(p.LoadImbalance), p.Messages.ToString(CultureInfo.InvariantCulture), p.Correct ? "true" : "false",
    ];

    /// <summary>Weak scaling plots the scaled speedup; the others the speedup against serial (or W = 1).</summary>
    private static double? Speedup(ExperimentPoint p, ExperimentKind kind) =>
        kind == ExperimentKind.Weak ? p.SpeedupVsOneWorker : p.Speedup ?? p.SpeedupVsOneWorker;

    private static long XOf(ExperimentPoint p, ExperimentKind kind) => kind == ExperimentKind.Granularity ? p.Tasks : p.Workers;

    private static string XLabel(ExperimentKind kind) => kind == ExperimentKind.Granularity ? "tasks" : "workers W";

    private static (double X, double Y)[] Curve(int maxW, Func<double, double> f, double from = 0.25) =>
        [.. Enumerable.Range(0, 41).Select(i => from + ((maxW - from) * i / 40.0)).Select(w => (w, f(w)))];
}
