using ActorParallel.Simulation.Metrics;

namespace ActorParallel.Simulation.Experiments;

/// <summary>Runs an <see cref="ExperimentSpec"/> against any <see cref="IJobRunner"/>: repeats, medians, speedups, the fit.</summary>
public sealed class ExperimentRunner(IJobRunner runner)
{
    /// <summary>Runs every point; <paramref name="progress"/> hears about each finished job.</summary>
    public async Task<ExperimentResult> RunAsync(ExperimentSpec spec, IProgress<JobReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var measured = new List<(ExperimentPointSpec Point, JobReport[] Runs)>();
        var plan = spec.Plan();
        if (spec.WarmUp && plan.Count > 0)
        {
            var first = plan[0];
            await runner.RunAsync(new JobRequest(spec.Workload, first.Parameters, first.Workers, first.Mode) { MeasureTpl = spec.MeasureTpl }, cancellationToken).ConfigureAwait(false);
        }

        foreach (var point in plan)
        {
            var runs = new JobReport[spec.Repeats];
            for (var r = 0; r < spec.Repeats; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var request = new JobRequest(spec.Workload, point.Parameters, point.Workers, point.Mode) { MeasureTpl = spec.MeasureTpl };
                runs[r] = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
                progress?.Report(runs[r]);
            }

            measured.Add((point, runs));
        }

        var points = measured.Select(m => Summarise(m.Point, m.Runs)).ToList();
        points = [.. points.Select(p => WithOneWorkerBaseline(p, points, spec.Kind))];
        return new ExperimentResult(spec, points, FitFor(spec.Kind, points));
    }

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
            runs.All(r => r.Correct));
    }

    /// <summary>Speedup against W = 1 of the same mode (strong) or, for weak scaling, the scaled speedup W x T1 / TW.</summary>
    private static ExperimentPoint WithOneWorkerBaseline(ExperimentPoint p, List<ExperimentPoint> all, ExperimentKind kind)
    {
        var one = all.FirstOrDefault(o => o.Workers == 1 && o.Mode == p.Mode);
        if (one is null || kind == ExperimentKind.Granularity)
            return p;
        return p with { SpeedupVsOneWorker = kind == ExperimentKind.Weak ? p.Workers * one.WallMs / p.WallMs : one.WallMs / p.WallMs };
    }

    private static SerialFractionFit? FitFor(ExperimentKind kind, IReadOnlyList<ExperimentPoint> points)
    {
        if (kind is ExperimentKind.Granularity)
            return null;

        // Weak scaling fits the scaled speedup W x T1 / TW; the others the speedup against serial (or W = 1).
        var data = points.Where(p => p.Mode == DispatchMode.Pull)
            .Select(p => (p.Workers, Speedup: kind == ExperimentKind.Weak ? p.SpeedupVsOneWorker : p.Speedup ?? p.SpeedupVsOneWorker))
            .Where(p => p.Speedup is > 0)
            .Select(p => (p.Workers, p.Speedup!.Value))
            .ToArray();
        if (!data.Any(d => d.Workers > 1))
            return null;
        return kind == ExperimentKind.Weak ? SerialFractionFit.Gustafson(data) : SerialFractionFit.Amdahl(data);
    }

    private static double? Median(IEnumerable<double?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        return present.Length == 0 ? null : Percentile.Median(present);
    }
}
