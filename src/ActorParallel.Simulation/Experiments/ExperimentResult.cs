namespace ActorParallel.Simulation.Experiments;

/// <summary>The median of one point's repeats, and what follows from it.</summary>
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
    bool Correct);

/// <summary>A finished experiment: its points, and the serial fraction fitted to Amdahl (strong, push-vs-pull) or Gustafson (weak).</summary>
public sealed record ExperimentResult(ExperimentSpec Spec, IReadOnlyList<ExperimentPoint> Points, SerialFractionFit? Fit)
{
    public bool AllCorrect => Points.All(p => p.Correct);
}
