using ActorParallel.Simulation.Metrics;

namespace ActorParallel.Simulation.Experiments;

/// <summary>
/// Runs an <see cref="ExperimentSpec"/> against any <see cref="IJobRunner"/>: repeats, the serial reference beside
/// them, medians and quartiles, speedups, capacity, the fits and the warnings. <paramref name="cores"/> is the
/// number of processors the jobs run on (default: this process's), for the warning when W exceeds it.
/// </summary>
public sealed class ExperimentRunner(IJobRunner runner, int? cores = null)
{
    /// <summary>Hears about every step before it runs (serial reference or job, k of N), for progress displays.</summary>
    public IProgress<SweepProgress>? Steps { get; init; }

    /// <summary>
    /// Runs every point <see cref="ExperimentSpec.Repeats"/> times, interleaved: one run of each point per round
    /// (W = 1, 2, 4, 1, 2, 4, ...) rather than all repeats of a point in a row, and the serial reference once per
    /// round too (<see cref="SweepSchedule"/>), so a drift in the host's speed during the sweep hits every point
    /// and the reference alike. <paramref name="progress"/> hears about each finished job.
    /// </summary>
    public async Task<ExperimentResult> RunAsync(ExperimentSpec spec, IProgress<JobReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plan = spec.Plan();
        var references = SweepSchedule.References(plan);
        var referenceOf = SweepSchedule.ReferenceOf(plan);
        if (spec.WarmUp && plan.Count > 0)
        {
            // Unrecorded: the first serial reference and the first point pay for JIT compilation and cold caches.
            await runner.RunSerialAsync(Request(spec, plan[0]), cancellationToken).ConfigureAwait(false);
            await runner.RunAsync(Request(spec, plan[0]), cancellationToken).ConfigureAwait(false);
        }

        var runs = plan.Select(_ => new JobReport[spec.Repeats]).ToArray();
        var serial = references.Select(_ => new double[spec.Repeats]).ToArray();
        var steps = SweepSchedule.Steps(plan, spec.Repeats);
        for (var k = 0; k < steps.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = steps[k];
            Steps?.Report(step.IsSerial
                ? new SweepProgress(k + 1, steps.Count, step, references[step.Index], null)
                : new SweepProgress(k + 1, steps.Count, step, plan[step.Index].Parameters, plan[step.Index]));
            if (step.IsSerial)
            {
                var first = plan[Array.IndexOf(referenceOf, step.Index)];
                serial[step.Index][step.Round] = (await runner.RunSerialAsync(Request(spec, first), cancellationToken).ConfigureAwait(false)).TotalMilliseconds;
            }
            else
            {
                runs[step.Index][step.Round] = await runner.RunAsync(Request(spec, plan[step.Index]), cancellationToken).ConfigureAwait(false);
                progress?.Report(runs[step.Index][step.Round]);
            }
        }

        var measured = new Measurements(spec, plan, runs, i => serial[referenceOf[i]]);
        var result = new ExperimentResult(spec, measured.Points(), null);
        var rounds = Enumerable.Range(0, spec.Repeats).Select(r => new ExperimentResult(spec, measured.Round(r).Points(), null)).ToArray();
        result = result with { Fit = MedianFit(result, rounds, FitAxis.Workers), CapacityFit = MedianFit(result, rounds, FitAxis.Capacity) };
        return result with { Warnings = SweepWarnings.For(result, cores ?? Environment.ProcessorCount) };
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

    /// <summary>A job of a sweep: the serial reference is timed separately (<see cref="IJobRunner.RunSerialAsync"/>), once per round.</summary>
    private static JobRequest Request(ExperimentSpec spec, ExperimentPointSpec point) =>
        new(spec.Workload, point.Parameters, point.Workers, point.Mode)
        {
            MeasureSerial = false, MeasureTpl = spec.MeasureTpl, Prefetch = spec.Prefetch, TaskRetries = spec.TaskRetries, Batching = spec.Batching,
        };

    /// <summary>Total worker busy time of one run (the sum over workers of time spent executing tasks); null when not measured.</summary>
    internal static double? BusyMs(JobReport run) =>
        run.Metrics is { PerWorker.Count: > 0 } m ? m.PerWorker.Sum(w => w.Busy.TotalMilliseconds) : null;

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
}
