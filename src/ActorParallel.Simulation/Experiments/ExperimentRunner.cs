using ActorParallel.Simulation.Metrics;

namespace ActorParallel.Simulation.Experiments;

/// <summary>Runs an <see cref="ExperimentSpec"/> against any <see cref="IJobRunner"/>: repeats, medians, speedups, capacity, the fits.</summary>
public sealed class ExperimentRunner(IJobRunner runner)
{
    /// <summary>
    /// Runs every point <see cref="ExperimentSpec.Repeats"/> times, interleaved: one run of each point per
    /// round (W = 1, 2, 4, 1, 2, 4, ...) rather than all repeats of a point in a row, so a drift in the
    /// host's speed during the sweep hits every point alike instead of biasing the points measured last.
    /// <paramref name="progress"/> hears about each finished job.
    /// </summary>
    public async Task<ExperimentResult> RunAsync(ExperimentSpec spec, IProgress<JobReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plan = spec.Plan();
        if (spec.WarmUp && plan.Count > 0)
        {
            var first = plan[0];
            await runner.RunAsync(Request(spec, first), cancellationToken).ConfigureAwait(false);
        }

        var runs = plan.Select(_ => new JobReport[spec.Repeats]).ToArray();
        for (var r = 0; r < spec.Repeats; r++)
        {
            for (var i = 0; i < plan.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                runs[i][r] = await runner.RunAsync(Request(spec, plan[i]), cancellationToken).ConfigureAwait(false);
                progress?.Report(runs[i][r]);
            }
        }

        var result = new ExperimentResult(spec, Points(spec, plan, i => runs[i]), null);
        var rounds = Enumerable.Range(0, spec.Repeats).Select(r => new ExperimentResult(spec, Points(spec, plan, i => [runs[i][r]]), null)).ToArray();
        return result with { Fit = MedianFit(result, rounds, FitAxis.Workers), CapacityFit = MedianFit(result, rounds, FitAxis.Capacity) };
    }

    private static List<ExperimentPoint> Points(ExperimentSpec spec, IReadOnlyList<ExperimentPointSpec> plan, Func<int, JobReport[]> runsOf)
    {
        var points = plan.Select((p, i) => Summarise(p, runsOf(i))).ToList();
        return [.. points.Select(p => WithOneWorkerBaseline(p, points, spec))];
    }

    /// <summary>
    /// Fits each round (one run of every point, back to back) on its own and keeps the median serial fraction;
    /// R^2 is then that s scored against the medians of the points. A round disturbed by another process
    /// gives one wild fit, which the median ignores; fitting the points' medians instead can pair the wall
    /// time of one run with the busy time of another, and one such mismatch moves s by several hundredths.
    /// </summary>
    private static SerialFractionFit? MedianFit(ExperimentResult result, IReadOnlyList<ExperimentResult> rounds, FitAxis axis)
    {
        var onMedians = FitFor(result, axis);
        var perRound = rounds.Select(r => FitFor(r, axis)).OfType<SerialFractionFit>().ToArray();
        if (onMedians is null || perRound.Length == 0)
            return onMedians;
        return onMedians.Scored(Percentile.Median(perRound.Select(f => f.SerialFraction)), FitData(result, axis).Select(d => (d.Processors, d.Speedup))) with { Rounds = perRound.Length };
    }

    private static JobRequest Request(ExperimentSpec spec, ExperimentPointSpec point) =>
        new(spec.Workload, point.Parameters, point.Workers, point.Mode)
        {
            MeasureTpl = spec.MeasureTpl, Prefetch = spec.Prefetch, TaskRetries = spec.TaskRetries, Batching = spec.Batching,
        };

    private static ExperimentPoint Summarise(ExperimentPointSpec point, JobReport[] runs)
    {
        var wall = Percentile.Median(runs.Select(r => r.Wall.TotalMilliseconds));
        var serial = Median(runs.Select(r => r.Serial?.TotalMilliseconds));
        var tpl = Median(runs.Select(r => r.Tpl?.TotalMilliseconds));
        var speedup = serial / wall;
        var imbalance = Median(runs.Select(r => r.Metrics?.LoadImbalance));
        return new ExperimentPoint(
            point.Workers,
            point.Mode,
            point.Parameters.Size,
            point.Parameters.Tasks,
            runs.Length,
            wall,
            serial,
            tpl,
            speedup,
            null,
            speedup / point.Workers,
            speedup is { } s ? Laws.KarpFlatt(s, point.Workers) : null,
            serial / tpl,
            imbalance,
            runs.Sum(r => r.Metrics?.Messages ?? 0) / runs.Length,
            runs.All(r => r.Correct),
            Median(runs.Select(BusyMs)),
            IdleMs: Median(runs.Select(r => (r.Workers * r.Wall.TotalMilliseconds) - BusyMs(r))));
    }

    /// <summary>Total worker busy time of one run (the sum over workers of time spent executing tasks); null when not measured.</summary>
    internal static double? BusyMs(JobReport run) =>
        run.Metrics is { PerWorker.Count: > 0 } m ? m.PerWorker.Sum(w => w.Busy.TotalMilliseconds) : null;

    /// <summary>
    /// Against the W = 1 point of the same mode: the speedup T1 / TW (strong), or for weak scaling the scaled
    /// speedup W x T1 / TW; and the capacity W_eff = W x B(1) / B(W), with B(W) first divided by how many
    /// times more work point W has than point 1 (1 for strong scaling; about W for weak scaling).
    /// </summary>
    private static ExperimentPoint WithOneWorkerBaseline(ExperimentPoint p, List<ExperimentPoint> all, ExperimentSpec spec)
    {
        var one = all.FirstOrDefault(o => o.Workers == 1 && o.Mode == p.Mode);
        if (one is null || spec.Kind == ExperimentKind.Granularity)
            return p;
        var weak = spec.Kind == ExperimentKind.Weak;
        var workRatio = weak ? ExperimentSpec.WorkRatio(spec.Workload, one.Size, p.Size) : 1;
        return p with
        {
            SpeedupVsOneWorker = weak ? p.Workers * one.WallMs / p.WallMs : one.WallMs / p.WallMs,
            WEff = Capacity(p.Workers, one.BusyMs, p.BusyMs, workRatio),
        };
    }

    /// <summary>W_eff = W x B(1) / (B(W) / work ratio): how many W = 1 workers' worth of computing the W workers delivered.</summary>
    internal static double? Capacity(int workers, double? oneWorkerBusyMs, double? busyMs, double workRatio) =>
        oneWorkerBusyMs is > 0 && busyMs is > 0 && workRatio > 0 ? workers * oneWorkerBusyMs.Value / (busyMs.Value / workRatio) : null;

    /// <summary>
    /// Fits the pull points' speedups (<see cref="ExperimentResult.FittedSpeedup"/>) against W or against W_eff
    /// (a point without a measured W_eff counts as W). The capacity fit is null when no point measured W_eff.
    /// </summary>
    private static SerialFractionFit? FitFor(ExperimentResult result, FitAxis axis)
    {
        var kind = result.Spec.Kind;
        if (kind is ExperimentKind.Granularity)
            return null;
        if (axis == FitAxis.Capacity && !result.Points.Any(p => p.Mode == DispatchMode.Pull && p.Workers > 1 && p.WEff is not null))
            return null;
        var data = FitData(result, axis);
        if (!data.Any(d => d.Workers > 1 && d.Processors != 1))
            return null;
        var points = data.Select(d => (d.Processors, d.Speedup));
        return kind == ExperimentKind.Weak ? SerialFractionFit.Gustafson(points, axis) : SerialFractionFit.Amdahl(points, axis);
    }

    private static (double Processors, int Workers, double Speedup)[] FitData(ExperimentResult result, FitAxis axis) =>
    [
        .. result.Points.Where(p => p.Mode == DispatchMode.Pull)
            .Select(p => (Processors: axis == FitAxis.Capacity ? p.WEff ?? p.Workers : p.Workers, p.Workers, Speedup: result.FittedSpeedup(p)))
            .Where(p => p.Speedup is > 0)
            .Select(p => (p.Processors, p.Workers, p.Speedup!.Value)),
    ];

    private static double? Median(IEnumerable<double?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        return present.Length == 0 ? null : Percentile.Median(present);
    }
}
