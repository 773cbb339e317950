namespace ActorParallel.Simulation.Experiments;

/// <summary>
/// The raw measurements of a sweep, round by round: for each planned point its runs (one per round) and the
/// serial reference timed in the same rounds; and the points summarised from them. Ratios (speedups) are taken
/// both of the medians, which the tables print, and round by round, which gives their spread: the runs of one
/// round were taken back to back, so host drift cancels in their ratio.
/// </summary>
internal sealed class Measurements(ExperimentSpec spec, IReadOnlyList<ExperimentPointSpec> plan, IReadOnlyList<JobReport[]> runs, Func<int, double[]> serialOf)
{
    /// <summary>Only round <paramref name="round"/>: one run of each point and its serial reference.</summary>
    public Measurements Round(int round) =>
        new(spec, plan, [.. runs.Select(r => new[] { r[round] })], i => [serialOf(i)[round]]);

    public List<ExperimentPoint> Points()
    {
        var points = plan.Select((p, i) => Summarise(p, runs[i], serialOf(i))).ToList();
        return [.. points.Select((p, i) => WithOneWorkerBaseline(p, i, points))];
    }

    private static ExperimentPoint Summarise(ExperimentPointSpec point, JobReport[] runs, double[] serialMs)
    {
        var wall = SampleStats.Of(runs.Select(r => r.Wall.TotalMilliseconds));
        var serial = serialMs.Length == 0 ? null : SampleStats.Of(serialMs);
        var tpl = SampleStats.OfPresent(runs.Select(r => r.Tpl?.TotalMilliseconds));
        var speedup = serial?.Median / wall.Median;
        return new ExperimentPoint(
            point.Workers,
            point.Mode,
            point.Parameters.Size,
            point.Parameters.Tasks,
            runs.Length,
            wall.Median,
            serial?.Median,
            tpl?.Median,
            speedup,
            null,
            speedup / point.Workers,
            speedup is { } s ? Laws.KarpFlatt(s, point.Workers) : null,
            serial?.Median / tpl?.Median,
            Median(runs.Select(r => r.Metrics?.LoadImbalance)),
            runs.Sum(r => r.Metrics?.Messages ?? 0) / runs.Length,
            runs.All(r => r.Correct),
            Median(runs.Select(ExperimentRunner.BusyMs)),
            IdleMs: Median(runs.Select(r => (r.Workers * r.Wall.TotalMilliseconds) - ExperimentRunner.BusyMs(r))))
        {
            WallMsStats = wall,
            SerialMsStats = serial,
            TplMsStats = tpl,
            SpeedupStats = serial is null ? null : PerRound(runs, (r, i) => serialMs[i] / r.Wall.TotalMilliseconds),
            TplSpeedupStats = serial is null || tpl is null ? null : PerRound(runs, (r, i) => r.Tpl is { } t ? serialMs[i] / t.TotalMilliseconds : null),
        };
    }

    /// <summary>
    /// Against the W = 1 point of the same mode: the speedup T1 / TW (strong), or for weak scaling the scaled
    /// speedup W x T1 / TW, for the actors and for TPL each against its own W = 1 run; and the capacity
    /// W_eff = W x B(1) / B(W), with B(W) first divided by how many times more work point W has than point 1
    /// (1 for strong scaling; about W for weak scaling).
    /// </summary>
    private ExperimentPoint WithOneWorkerBaseline(ExperimentPoint p, int index, List<ExperimentPoint> all)
    {
        var j = all.FindIndex(o => o.Workers == 1 && o.Mode == p.Mode);
        if (j < 0 || spec.Kind == ExperimentKind.Granularity)
            return p;
        var one = all[j];
        var weak = spec.Kind == ExperimentKind.Weak;
        var scale = weak ? p.Workers : 1.0;
        var workRatio = weak ? ExperimentSpec.WorkRatio(spec.Workload, one.Size, p.Size) : 1;
        return p with
        {
            SpeedupVsOneWorker = scale * one.WallMs / p.WallMs,
            SpeedupVsOneWorkerStats = PerRound(runs[index], (r, i) => scale * runs[j][i].Wall.TotalMilliseconds / r.Wall.TotalMilliseconds),
            TplSpeedupVsOneWorker = scale * one.TplMs / p.TplMs,
            TplSpeedupVsOneWorkerStats = p.TplMs is null ? null
                : PerRound(runs[index], (r, i) => runs[j][i].Tpl is { } t1 && r.Tpl is { } tw ? scale * t1.TotalMilliseconds / tw.TotalMilliseconds : null),
            WEff = ExperimentRunner.Capacity(p.Workers, one.BusyMs, p.BusyMs, workRatio),
        };
    }

    private static SampleStats? PerRound(JobReport[] runs, Func<JobReport, int, double?> ratio) =>
        SampleStats.OfPresent(runs.Select(ratio).Where(v => v is null || double.IsFinite(v.Value)));

    private static double? Median(IEnumerable<double?> values) => SampleStats.OfPresent(values)?.Median;
}
