using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActorParallel.Simulation.Experiments;

namespace ActorParallel.Simulation.Reports;

/// <summary>
/// Writes an experiment to a folder: <c>results.csv</c>, <c>results.json</c>, <c>results.md</c>,
/// <c>speedup.svg</c> and <c>efficiency.svg</c> (measured, TPL, ideal, the law fitted against W and the law
/// fitted against the measured capacity W_eff).
/// </summary>
public static class ReportWriter
{
    public static readonly IReadOnlyList<string> CsvHeader =
    [
        "workers", "mode", "size", "tasks", "repeats", "wall_ms", "serial_ms", "tpl_ms", "speedup", "speedup_vs_w1",
        "efficiency", "karp_flatt", "tpl_speedup", "load_imbalance", "messages", "correct", "busy_ms", "idle_ms", "w_eff",
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
            .Append(CultureInfo.InvariantCulture, $"Parameters: {spec.Parameters}; {spec.Repeats} repeats per point, interleaved (median shown).\n\n")
            .Append("| ").Append(string.Join(" | ", CsvHeader)).Append(" |\n")
            .Append('|').Append(string.Concat(CsvHeader.Select(_ => "---|"))).Append('\n');
        foreach (var p in result.Points)
            sb.Append("| ").Append(string.Join(" | ", Cells(p))).Append(" |\n");
        if (result.Fit is { } fit)
            sb.Append(FitFooter(fit, result.CapacityFit));
        if (result.Points.Where(p => p.Workers > 1 && p.WEff is not null).Select(p => p.WEff!.Value).DefaultIfEmpty(double.NaN).Max() is var best and < 1.25)
            sb.Append(CultureInfo.InvariantCulture, $"\n**The workers never delivered more than W_eff = {best:0.##} processors (another process was probably using the cores): with so little parallel capacity neither fit can tell the serial fraction; measure again on a quiet machine.**\n");
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
            var points = result.Points.Where(p => p.Mode == mode && result.FittedSpeedup(p) is not null)
                .Select(p => ((double)XOf(p, result.Spec.Kind), result.FittedSpeedup(p)!.Value)).ToArray();
            if (points.Length > 0)
                series.Add(new($"actors ({mode.ToString().ToLowerInvariant()})", points, colour));
        }

        var tpl = result.Points.Where(p => p.Mode == DispatchMode.Pull && p.TplSpeedup is not null).Select(p => ((double)XOf(p, result.Spec.Kind), p.TplSpeedup!.Value)).ToArray();
        if (tpl.Length > 0)
            series.Add(new("TPL", tpl, "#2ca02c"));
        if (result.Fit is { } fit)
            series.Add(new($"{fit.Law} s={fit.SerialFraction:0.###} (against W)", Curve(maxW, fit.Predict), "#ff7f0e", Dashed: true));
        if (result.CapacityFit is { } capacityFit)
        {
            series.Add(new($"{capacityFit.Law} s={capacityFit.SerialFraction:0.###} (at W_eff)", AtCapacity(result, capacityFit.Predict), "#9467bd", Dashed: true));
            series.Add(new("capacity W_eff", [.. CapacityPoints(result).Select(c => ((double)c.Workers, c.WEff))], "#8c564b"));
        }

        return new SvgChart($"{result.Spec.Workload}: speedup ({result.Spec.Kind})", XLabel(result.Spec.Kind), "speedup", series);
    }

    public static SvgChart EfficiencyChart(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var maxW = result.Points.Max(p => p.Workers);
        var series = new List<ChartSeries> { new("ideal (E = 1)", [(1, 1), (maxW, 1)], "#888888", Dashed: true) };
        foreach (var (mode, colour) in new[] { (DispatchMode.Pull, "#1f77b4"), (DispatchMode.Push, "#d62728") })
        {
            var points = result.Points.Where(p => p.Mode == mode && result.FittedSpeedup(p) is not null)
                .Select(p => ((double)p.Workers, result.FittedSpeedup(p)!.Value / p.Workers)).ToArray();
            if (points.Length > 0)
                series.Add(new($"actors ({mode.ToString().ToLowerInvariant()})", points, colour));
        }

        if (result.Fit is { } fit)
            series.Add(new($"{fit.Law} s={fit.SerialFraction:0.###} (against W)", Curve(maxW, w => fit.Predict(w) / w, from: 1), "#ff7f0e", Dashed: true));
        if (result.CapacityFit is { } capacityFit)
            series.Add(new($"{capacityFit.Law} s={capacityFit.SerialFraction:0.###} (at W_eff)", AtCapacity(result, (w, wEff) => capacityFit.Predict(wEff) / w), "#9467bd", Dashed: true));
        return new SvgChart($"{result.Spec.Workload}: efficiency ({result.Spec.Kind})", "workers W", "efficiency", series);
    }

    private static string[] Cells(ExperimentPoint p) =>
    [
        p.Workers.ToString(CultureInfo.InvariantCulture), p.Mode.ToString().ToLowerInvariant(), p.Size.ToString(CultureInfo.InvariantCulture),
        p.Tasks.ToString(CultureInfo.InvariantCulture), p.Repeats.ToString(CultureInfo.InvariantCulture), Format.N(p.WallMs, "0.##"),
        Format.N(p.SerialMs, "0.##"), Format.N(p.TplMs, "0.##"), Format.N(p.Speedup), Format.N(p.SpeedupVsOneWorker), Format.N(p.Efficiency),
        Format.N(p.KarpFlatt), Format.N(p.TplSpeedup), Format.N(p.LoadImbalance), p.Messages.ToString(CultureInfo.InvariantCulture), p.Correct ? "true" : "false",
        Format.N(p.BusyMs, "0.##"), Format.N(p.IdleMs, "0.##"), Format.N(p.WEff),
    ];

    /// <summary>The two fitted serial fractions, named by what they count as processors, and what each means.</summary>
    private static string FitFooter(SerialFractionFit fit, SerialFractionFit? capacityFit)
    {
        var speedup = fit.Law == ScalingLaw.Amdahl ? "speedup" : "scaled speedup";
        var sb = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"\nSerial fraction fitted to {fit.Law} by least squares, on the {speedup} against the actors' own W = 1 run (speedup_vs_w1){Rounds(fit)}:\n\n")
            .Append(CultureInfo.InvariantCulture, $"- s (against W) = {fit.SerialFraction:0.####} (R^2 = {Format.N(fit.RSquared)}, {fit.Points} points): counts every worker as a full processor, so it also absorbs the capacity the platform loses when W workers compute at once.\n");
        if (capacityFit is null)
            return sb.Append("- s (against measured capacity W_eff): not available (no worker busy time was measured).\n").ToString();
        return sb.Append(CultureInfo.InvariantCulture, $"- s (against measured capacity W_eff) = {capacityFit.SerialFraction:0.####} (R^2 = {Format.N(capacityFit.RSquared)}, {capacityFit.Points} points): W replaced by W_eff = W x B(1) / B(W), B = total worker busy time for the same work (column w_eff); this is the serial fraction of the workload and the engine, the one to compare with a configured s.\n")
            .ToString();
    }

    private static string Rounds(SerialFractionFit fit) =>
        fit.Rounds > 1 ? string.Create(CultureInfo.InvariantCulture, $", each round of repeats fitted on its own and the median s kept ({fit.Rounds} rounds)") : "";

    /// <summary>The pull points' measured capacity, W = 1 included; a point without busy time counts as W.</summary>
    private static IEnumerable<(int Workers, double WEff)> CapacityPoints(ExperimentResult result) =>
        result.Points.Where(p => p.Mode == DispatchMode.Pull).OrderBy(p => p.Workers).Select(p => (p.Workers, p.WEff ?? p.Workers));

    /// <summary>A capacity fit drawn against W: its prediction at each measured W's W_eff, joined by straight lines.</summary>
    private static (double X, double Y)[] AtCapacity(ExperimentResult result, Func<double, double> predict) =>
        AtCapacity(result, (_, wEff) => predict(wEff));

    private static (double X, double Y)[] AtCapacity(ExperimentResult result, Func<int, double, double> predict) =>
        [.. CapacityPoints(result).Select(c => ((double)c.Workers, predict(c.Workers, c.WEff)))];


    private static long XOf(ExperimentPoint p, ExperimentKind kind) => kind == ExperimentKind.Granularity ? p.Tasks : p.Workers;

    private static string XLabel(ExperimentKind kind) => kind == ExperimentKind.Granularity ? "tasks" : "workers W";

    private static (double X, double Y)[] Curve(int maxW, Func<double, double> f, double from = 0.25) =>
        [.. Enumerable.Range(0, 41).Select(i => from + ((maxW - from) * i / 40.0)).Select(w => (w, f(w)))];
}
