namespace ActorParallel.Simulation.Metrics;

/// <summary>Progress while a job runs.</summary>
public sealed record MetricsSnapshot(
    TimeSpan Elapsed,
    int TasksCompleted,
    int TasksTotal,
    int TasksFailed,
    long Messages,
    long Bytes,
    double TasksPerSecond)
{
    public double Progress => TasksTotal == 0 ? 0 : (double)TasksCompleted / TasksTotal;
}

/// <summary>One worker's share of a job.</summary>
public sealed record WorkerMetrics(int WorkerId, int Tasks, TimeSpan Busy, double Utilisation)
{
    /// <summary>Its batches' round trips beyond their compute (see <see cref="WorkerWaits"/>).</summary>
    public TimeSpan Waited { get; init; }
}

/// <summary>
/// One worker node of a cluster job: its workers' tasks, busy and waiting time (see <see cref="WorkerWaits"/>), and the
/// bytes of task batches our serializer wrote to it and of results it read from it.
/// </summary>
public sealed record NodeMetrics(string Node, int Workers, int Tasks, TimeSpan Busy, TimeSpan Waited, long BytesOut, long BytesIn);

/// <summary>Nearest-rank percentiles of a distribution of durations, in milliseconds.</summary>
public sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Empty { get; } = new(0, 0, 0, 0);
}

/// <summary>
/// Speedup and the laws: S = T_baseline / T_W, E = S / W, and the Karp-Flatt experimentally
/// determined serial fraction e = (1/S - 1/W) / (1 - 1/W) (undefined, null, for W = 1).
/// </summary>
public sealed record Scaling(int Workers, double? SpeedupVsSerial, double? SpeedupVsOneWorker, double? Efficiency, double? KarpFlatt)
{
    public static Scaling Compute(int workers, TimeSpan wall, TimeSpan? serial, TimeSpan? oneWorker)
    {
        double? Ratio(TimeSpan? baseline) => baseline is { } b && wall > TimeSpan.Zero ? b / wall : null;
        var vsSerial = Ratio(serial);
        var vsOne = Ratio(oneWorker);
        var speedup = vsSerial ?? vsOne;
        return new Scaling(workers, vsSerial, vsOne, speedup / workers, speedup is { } s ? KarpFlattSerialFraction(s, workers) : null);
    }

    public static double? KarpFlattSerialFraction(double speedup, int workers) =>
        workers <= 1 || speedup <= 0 ? null : ((1 / speedup) - (1.0 / workers)) / (1 - (1.0 / workers));
}

/// <summary>
/// Everything measured about one finished job. Latency is dispatch to result at the supervisor;
/// Duration is the worker's busy time on a task; QueueWait is dispatch to start (time in the worker's mailbox).
/// </summary>
public sealed record JobMetrics(
    string Workload,
    int Workers,
    bool Succeeded,
    TimeSpan Wall,
    int TasksCompleted,
    int TasksFailed,
    int Dispatches,
    double TasksPerSecond,
    long Messages,
    long Bytes,
    double MessagesPerSecond,
    Percentiles Latency,
    Percentiles Duration,
    Percentiles QueueWait,
    IReadOnlyList<WorkerMetrics> PerWorker,
    double LoadImbalance,
    double MeanUtilisation,
    Scaling Scaling)
{
    /// <summary>Tasks handed out again because their worker was lost (a node unreachable or gone).</summary>
    public int Reissued { get; init; }

    /// <summary>Tasks copied to idle workers at the tail because their worker was silent (speculation; cluster jobs).</summary>
    public int Speculated { get; init; }

    /// <summary>Results dropped because their task already had one (a lost worker's late result, a repeated batch).</summary>
    public int DuplicatesDropped { get; init; }

    /// <summary>A row per worker node on a cluster; empty in one process.</summary>
    public IReadOnlyList<NodeMetrics> PerNode { get; init; } = [];
}
