using System.Globalization;
using ActorParallel.Simulation.Experiments;

namespace ActorParallel.Simulation.Reports;

/// <summary>
/// The charts of a sweep. The x axis is W with whole-number ticks, or for a granularity sweep the task count on a
/// log axis; it spans the measured points only, and so do the model curves. Each measured line says in the
/// legend what its speedup is against: its own W = 1 run (actors and TPL alike) when the sweep has one, else the
/// serial reference. Error bars span the min to max of the per-round values; under the title, the environment.
/// </summary>
public static class SweepCharts
{
    private const string Pull = "#1f77b4", Push = "#d62728", Tpl = "#2ca02c", Serial = "#7f7f7f", Ideal = "#888888", FitColour = "#ff7f0e", CapacityColour = "#9467bd";

    /// <summary>Speedup, efficiency and time, in the order <see cref="ReportWriter.Files"/> names them.</summary>
    public static IReadOnlyList<SvgChart> All(ExperimentResult result, ReportEnvironment environment) =>
        [Speedup(result, environment), Efficiency(result, environment), Time(result, environment)];

    public static SvgChart Speedup(ExperimentResult result, ReportEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (lo, hi) = Range(result);
        var series = new List<ChartSeries>();
        var granularity = result.Spec.Kind == ExperimentKind.Granularity;
        var workers = result.Points.Max(p => p.Workers);
        series.Add(granularity
            ? new(Inv($"ideal (S = W = {workers})"), [(lo, workers), (hi, workers)], Ideal, Dashed: true)
            : new("ideal (S = W)", [(lo, lo), (hi, hi)], Ideal, Dashed: true));
        series.AddRange(Measured(result, perWorker: false));
        if (result.Fit is { Determined: true } fit)
            series.Add(new(Inv($"{fit.Law} s={fit.SerialFraction:0.###} (against W)"), Curve(lo, hi, fit.Predict), FitColour, Dashed: true));
        if (result.CapacityFit is { Determined: true } capacityFit)
        {
            series.Add(new(Inv($"{capacityFit.Law} s={capacityFit.SerialFraction:0.###} (at W_eff)"), AtCapacity(result, (_, wEff) => capacityFit.Predict(wEff)), CapacityColour, Dashed: true));
            series.Add(new("capacity W_eff", [.. CapacityPoints(result).Select(c => ((double)c.Workers, c.WEff))], "#8c564b"));
        }

        var y = result.Spec.Kind == ExperimentKind.Weak ? "scaled speedup" : "speedup";
        return Chart(result, environment, $"{result.Spec.Workload}: {y} ({Kind(result)})", y, series);
    }

    public static SvgChart Efficiency(ExperimentResult result, ReportEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (lo, hi) = Range(result);
        var series = new List<ChartSeries> { new("ideal (E = 1)", [(lo, 1), (hi, 1)], Ideal, Dashed: true) };
        series.AddRange(Measured(result, perWorker: true));
        if (result.Fit is { Determined: true } fit)
            series.Add(new(Inv($"{fit.Law} s={fit.SerialFraction:0.###} (against W)"), Curve(lo, hi, w => fit.Predict(w) / w), FitColour, Dashed: true));
        if (result.CapacityFit is { Determined: true } capacityFit)
            series.Add(new(Inv($"{capacityFit.Law} s={capacityFit.SerialFraction:0.###} (at W_eff)"), AtCapacity(result, (w, wEff) => capacityFit.Predict(wEff) / w), CapacityColour, Dashed: true));
        return Chart(result, environment, $"{result.Spec.Workload}: efficiency ({Kind(result)})", "efficiency (speedup / W)", series);
    }

    /// <summary>The medians of the times themselves: the serial reference (timed each round), the actors per mode, TPL.</summary>
    public static SvgChart Time(ExperimentResult result, ReportEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var series = new List<ChartSeries>();
        var pull = result.Points.Where(p => p.Mode == DispatchMode.Pull).ToArray();
        if (pull.Any(p => p.SerialMsStats is not null))
            series.Add(Line("serial reference (timed each round)", pull.Where(p => p.SerialMsStats is not null), result, p => p.SerialMsStats, Serial));
        foreach (var (mode, colour) in Modes(result))
            series.Add(Line(Inv($"actors ({Name(mode)})"), result.Points.Where(p => p.Mode == mode), result, p => p.WallMsStats, colour));
        if (pull.Any(p => p.TplMsStats is not null))
            series.Add(Line("TPL", pull.Where(p => p.TplMsStats is not null), result, p => p.TplMsStats, Tpl));
        return Chart(result, environment, $"{result.Spec.Workload}: time ({Kind(result)})", "time (ms, median)", series);
    }

    /// <summary>The actors per mode and TPL, each as speedup (or efficiency with <paramref name="perWorker"/>) against the baseline its label names.</summary>
    private static IEnumerable<ChartSeries> Measured(ExperimentResult result, bool perWorker)
    {
        var weak = result.Spec.Kind == ExperimentKind.Weak;
        foreach (var (mode, colour) in Modes(result))
        {
            var points = result.Points.Where(p => p.Mode == mode).ToArray();
            var own = points.All(p => p.SpeedupVsOneWorkerStats is not null);
            yield return Ratio(Inv($"actors ({Name(mode)}) {Against(own, weak)}"), points, result, perWorker, colour,
                own ? p => (p.SpeedupVsOneWorker, p.SpeedupVsOneWorkerStats) : p => (p.Speedup, p.SpeedupStats));
        }

        var tpl = result.Points.Where(p => p.Mode == DispatchMode.Pull && p.TplMs is not null).ToArray();
        if (tpl.Length > 0)
        {
            var own = tpl.All(p => p.TplSpeedupVsOneWorkerStats is not null);
            yield return Ratio(Inv($"TPL {Against(own, weak)}"), tpl, result, perWorker, Tpl,
                own ? p => (p.TplSpeedupVsOneWorker, p.TplSpeedupVsOneWorkerStats) : p => (p.TplSpeedup, p.TplSpeedupStats));
        }
    }

    private static string Against(bool ownOneWorkerRun, bool weak) =>
        ownOneWorkerRun ? weak ? "vs own W = 1 (scaled)" : "vs own W = 1" : "vs serial ref.";

    private static ChartSeries Ratio(string label, ExperimentPoint[] points, ExperimentResult result, bool perWorker, string colour, Func<ExperimentPoint, (double? Value, SampleStats? Rounds)> of)
    {
        var shown = points.Where(p => of(p).Value is not null).ToArray();
        double Scale(ExperimentPoint p) => perWorker ? p.Workers : 1;
        return new ChartSeries(label, [.. shown.Select(p => (X(p, result), of(p).Value!.Value / Scale(p)))], colour)
        {
            Errors = [.. shown.Select(p => of(p).Rounds is { } r
                ? (Math.Min(r.Min, of(p).Value!.Value) / Scale(p), Math.Max(r.Max, of(p).Value!.Value) / Scale(p))
                : (double.NaN, double.NaN))],
        };
    }

    private static ChartSeries Line(string label, IEnumerable<ExperimentPoint> points, ExperimentResult result, Func<ExperimentPoint, SampleStats?> of, string colour)
    {
        var shown = points.Where(p => of(p) is not null).ToArray();
        return new ChartSeries(label, [.. shown.Select(p => (X(p, result), of(p)!.Median))], colour) { Errors = [.. shown.Select(p => (of(p)!.Min, of(p)!.Max))] };
    }

    private static SvgChart Chart(ExperimentResult result, ReportEnvironment? environment, string title, string yLabel, List<ChartSeries> series)
    {
        var granularity = result.Spec.Kind == ExperimentKind.Granularity;
        var notes = new List<string>();
        if (environment is not null)
            notes.Add(environment.Line);
        notes.Add(Inv($"{result.Spec.Parameters}; medians of {result.Spec.Repeats} interleaved runs; bars: min to max over the runs"));
        return new SvgChart(title, granularity ? Inv($"tasks (log scale), W = {result.Points.Max(p => p.Workers)}") : "workers W", yLabel, series)
        {
            Notes = notes, XScale = granularity ? AxisScale.Log2 : AxisScale.Linear, IntegerX = true,
        };
    }

    private static IEnumerable<(DispatchMode Mode, string Colour)> Modes(ExperimentResult result) =>
        new[] { (DispatchMode.Pull, Pull), (DispatchMode.Push, Push) }.Where(m => result.Points.Any(p => p.Mode == m.Item1));

    private static double X(ExperimentPoint p, ExperimentResult result) => result.Spec.Kind == ExperimentKind.Granularity ? p.Tasks : p.Workers;

    private static (double Low, double High) Range(ExperimentResult result) => (result.Points.Min(p => X(p, result)), result.Points.Max(p => X(p, result)));

    private static string Kind(ExperimentResult result) => KindName(result.Spec.Kind);

    /// <summary>The sweep's kind as the reports name it: strong scaling, weak scaling, granularity, push vs pull.</summary>
    internal static string KindName(ExperimentKind kind) => kind switch
    {
        ExperimentKind.PushVsPull => "push vs pull",
        ExperimentKind.Granularity => "granularity",
        var k => k.ToString().ToLowerInvariant() + " scaling",
    };

    private static string Name(DispatchMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>The pull points' measured capacity, W = 1 included; a point without busy time counts as W.</summary>
    private static IEnumerable<(int Workers, double WEff)> CapacityPoints(ExperimentResult result) =>
        result.Points.Where(p => p.Mode == DispatchMode.Pull).OrderBy(p => p.Workers).Select(p => (p.Workers, p.WEff ?? p.Workers));

    /// <summary>A capacity fit drawn against W: its prediction at each measured W's W_eff, joined by straight lines.</summary>
    private static (double X, double Y)[] AtCapacity(ExperimentResult result, Func<int, double, double> predict) =>
        [.. CapacityPoints(result).Select(c => ((double)c.Workers, predict(c.Workers, c.WEff)))];

    /// <summary>A model curve over the measured range [<paramref name="from"/>, <paramref name="to"/>] only.</summary>
    private static (double X, double Y)[] Curve(double from, double to, Func<double, double> f) =>
        [.. Enumerable.Range(0, 41).Select(i => from + ((to - from) * i / 40.0)).Select(w => (w, f(w)))];

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
