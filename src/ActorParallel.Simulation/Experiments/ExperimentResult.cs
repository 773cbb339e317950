namespace ActorParallel.Simulation.Experiments;

/// <summary>
/// The median of one point's repeats, and what follows from it. <see cref="BusyMs"/> is the total time the
/// workers spent executing tasks (summed over workers); <see cref="IdleMs"/> the rest of their time,
/// W x wall - busy (waiting for the serial part, for tasks, for the last task of the job); <see cref="WEff"/>
/// the capacity the workers delivered, in processors: W x B(1) / B(W) for the same work (null when busy time
/// was not measured or there is no W = 1 point of the same mode to compare with).
/// </summary>
public sealed record ExperimentPoint(
    int Workers,
    DispatchMode Mode,
    long Size,
    int Tasks,
    int Repeats,
    double WallMs,
    double? SerialMs,
    double? TplMs,
    double? Speedup,
    double? SpeedupVsOneWorker,
    double? Efficiency,
    double? KarpFlatt,
    double? TplSpeedup,
    double? LoadImbalance,
    long Messages,
    bool Correct,
    double? BusyMs = null,
    double? WEff = null,
    double? IdleMs = null);

/// <summary>
/// A finished experiment: its points, and the serial fraction fitted to Amdahl (strong, push-vs-pull) or
/// Gustafson (weak) twice: <see cref="Fit"/> against the worker count W, and <see cref="CapacityFit"/> against
/// the measured capacity W_eff, which separates the workload's serial fraction from the platform's loss of
/// parallel capacity (null when no point has a measured W_eff).
/// </summary>
public sealed record ExperimentResult(ExperimentSpec Spec, IReadOnlyList<ExperimentPoint> Points, SerialFractionFit? Fit)
{
    /// <summary>The same law fitted against W_eff instead of W; see <see cref="FitAxis.Capacity"/>.</summary>
    public SerialFractionFit? CapacityFit { get; init; }

    public bool AllCorrect => Points.All(p => p.Correct);

    /// <summary>
    /// The speedup the fits use at <paramref name="point"/>: against the actors' own W = 1 run of the same mode
    /// (relative speedup, the quantity Amdahl's law is about; its repeats are interleaved with the other
    /// points', so host drift cancels), else against the serial reference. Weak scaling: the scaled speedup.
    /// </summary>
    public double? FittedSpeedup(ExperimentPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return Spec.Kind == ExperimentKind.Weak ? point.SpeedupVsOneWorker : point.SpeedupVsOneWorker ?? point.Speedup;
    }
}
