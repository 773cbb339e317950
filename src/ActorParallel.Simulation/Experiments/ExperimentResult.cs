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
    double? IdleMs = null)
{
    /// <summary>The actors' wall time of every run of this point, in milliseconds, in the order taken (<see cref="WallMs"/> is their median).</summary>
    public SampleStats? WallMsStats { get; init; }

    /// <summary>The serial reference of this point's parameters, timed once per round beside the point, in milliseconds.</summary>
    public SampleStats? SerialMsStats { get; init; }

    /// <summary>The TPL version's time of every run of this point, in milliseconds.</summary>
    public SampleStats? TplMsStats { get; init; }

    /// <summary>T_serial / T_actors of each round (serial reference and run of the same round): the spread of <see cref="Speedup"/>.</summary>
    public SampleStats? SpeedupStats { get; init; }

    /// <summary>The actors' speedup against their own W = 1 run of the same round: the spread of <see cref="SpeedupVsOneWorker"/>.</summary>
    public SampleStats? SpeedupVsOneWorkerStats { get; init; }

    /// <summary>T_serial / T_TPL of each round: the spread of <see cref="TplSpeedup"/>.</summary>
    public SampleStats? TplSpeedupStats { get; init; }

    /// <summary>The TPL version against its own W = 1 run (median times; the scaled speedup for weak scaling), like <see cref="SpeedupVsOneWorker"/>.</summary>
    public double? TplSpeedupVsOneWorker { get; init; }

    /// <summary>The TPL version against its own W = 1 run of the same round: the spread of <see cref="TplSpeedupVsOneWorker"/>.</summary>
    public SampleStats? TplSpeedupVsOneWorkerStats { get; init; }
}

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

    /// <summary>The version of this JSON shape; 2 added the samples, quartiles and warnings.</summary>
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public int SchemaVersion { get; init; } = 2;

    /// <summary>Where the sweep ran; the reports open with it (written by them, so not serialized twice here).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Reports.ReportEnvironment? Environment { get; init; }

    /// <summary>What the data cannot carry (see <see cref="SweepWarnings"/>); every report prints them.</summary>
    public IReadOnlyList<SweepWarning> Warnings { get; init; } = [];

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
