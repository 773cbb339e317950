using System.Globalization;

namespace ActorParallel.Simulation.Experiments;

/// <summary>Something the data of a sweep cannot carry; <paramref name="Code"/> is stable for scripts, <paramref name="Message"/> says what and what to do.</summary>
public sealed record SweepWarning(string Code, string Message);

/// <summary>
/// Looks at a finished sweep and warns, instead of silently fixing, where its numbers cannot carry a conclusion:
/// a fit with too few points, W beyond the cores or the tasks, a noisy point, a speedup above W.
/// </summary>
public static class SweepWarnings
{
    public const string FitUnderdetermined = "fit-underdetermined";
    public const string FitPoor = "fit-poor";
    public const string WorkersExceedCores = "workers-exceed-cores";
    public const string WorkersExceedTasks = "workers-exceed-tasks";
    public const string Noisy = "noisy";
    public const string SpeedupAboveWorkers = "speedup-above-workers";
    public const string NoParallelCapacity = "no-parallel-capacity";

    /// <summary>The warnings for <paramref name="result"/>, its jobs run on <paramref name="cores"/> processors.</summary>
    public static IReadOnlyList<SweepWarning> For(ExperimentResult result, int cores)
    {
        ArgumentNullException.ThrowIfNull(result);
        var warnings = new List<SweepWarning>();
        foreach (var fit in new[] { result.Fit, result.CapacityFit }.OfType<SerialFractionFit>().Where(f => !f.Determined))
            warnings.Add(new(FitUnderdetermined, Inv($"no serial fraction against {AxisName(fit.Axis)}: the {fit.Law} fit has {fit.InformativePoints} point(s) with W > 1 for its {SerialFractionFit.Parameters} parameter, and needs at least {SerialFractionFit.Parameters + 1} to say anything (it would pass through the points whatever s is); sweep more worker counts, e.g. --workers 1,2,3,4")));

        foreach (var fit in new[] { result.Fit, result.CapacityFit }.OfType<SerialFractionFit>().Where(f => f.Determined && f.RSquared < 0))
            warnings.Add(new(FitPoor, Inv($"the {fit.Law} fit against {AxisName(fit.Axis)} explains the speedups worse than their mean does (R^2 = {fit.RSquared:0.###}): the points do not follow the law, so s = {fit.SerialFraction:0.####} describes nothing; look at the spread of the points and at what else ran on the machine")));

        var beyondCores = result.Points.Select(p => p.Workers).Where(w => w > cores).Distinct().Order().ToArray();
        if (beyondCores.Length > 0)
            warnings.Add(new(WorkersExceedCores, Inv($"W = {string.Join(", ", beyondCores)} exceeds the {cores} cores: the workers take turns on the cores, so speedup beyond {cores} is not to be expected, and a fit against W counts time-slicing as serial fraction")));

        foreach (var p in result.Points.Where(p => p.Workers > p.Tasks))
            warnings.Add(new(WorkersExceedTasks, Inv($"{Name(p, result.Spec.Kind)}: W = {p.Workers} exceeds the {p.Tasks} tasks, so {p.Workers - p.Tasks} worker(s) get nothing to do; use --tasks at least W")));

        foreach (var p in result.Points)
        {
            var noisy = new[] { ("actors' time", p.WallMsStats), ("serial reference", p.SerialMsStats), ("TPL time", p.TplMsStats) }
                .Where(q => q.Item2 is { TooNoisy: true })
                .Select(q => Inv($"{q.Item1} {q.Item2!.Spread * 100:0}%"))
                .ToArray();
            if (noisy.Length > 0)
                warnings.Add(new(Noisy, Inv($"{Name(p, result.Spec.Kind)}: the spread (Q3 - Q1) / median over {p.Repeats} runs exceeds {SampleStats.SpreadLimit * 100:0}%: {string.Join(", ", noisy)}; read it with care, or measure again with more --repeats on a quieter machine")));
        }

        foreach (var p in result.Points)
        {
            if (p.Speedup is { } s && s > p.Workers)
            {
                var cause = p.Workers == 1
                    ? "the actors cannot beat the serial code on one worker, so the likely cause is a noisy serial reference (slow readings; see serial_ms_min..max)"
                    : "the likely cause is a noisy serial reference (slow readings; see serial_ms_min..max); cache effects of smaller per-worker data can also do it";
                warnings.Add(new(SpeedupAboveWorkers, Inv($"{Name(p, result.Spec.Kind)}: speedup {s:0.###} against the serial reference exceeds W = {p.Workers} (efficiency {s / p.Workers:0.###} > 1): {cause}")));
            }

            if (p.Workers > 1 && result.Spec.Kind != ExperimentKind.Weak && p.SpeedupVsOneWorker is { } r && r > p.Workers)
                warnings.Add(new(SpeedupAboveWorkers, Inv($"{Name(p, result.Spec.Kind)}: speedup {r:0.###} against the actors' own W = 1 run exceeds W = {p.Workers}: the likely cause is a slow W = 1 run (see wall_ms_min..max at W = 1)")));
        }

        if (result.Points.Where(p => p.Workers > 1 && p.WEff is not null).Select(p => p.WEff!.Value).DefaultIfEmpty(double.NaN).Max() is var best and < 1.25)
            warnings.Add(new(NoParallelCapacity, Inv($"the workers never delivered more than W_eff = {best:0.##} processors (another process was probably using the cores): with so little parallel capacity neither fit can tell the serial fraction; measure again on a quiet machine")));
        return warnings;
    }

    private static string AxisName(FitAxis axis) => axis == FitAxis.Workers ? "W" : "the measured capacity W_eff";

    private static string Name(ExperimentPoint p, ExperimentKind kind) => kind switch
    {
        ExperimentKind.Granularity => Inv($"tasks = {p.Tasks}"),
        ExperimentKind.PushVsPull => Inv($"W = {p.Workers} ({p.Mode.ToString().ToLowerInvariant()})"),
        _ => Inv($"W = {p.Workers}"),
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
