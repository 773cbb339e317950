using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine;

/// <summary>
/// Supervisor to worker: run these tasks, in order, and answer with one <see cref="BatchDone"/>. Small tasks
/// travel several to a message (the ledger sizes batches, see <see cref="BatchPolicy"/>); big ones one at a time.
/// Immutable once sent: neither side writes to the arrays after the ledger has made the batch.
/// </summary>
/// <param name="BatchId">The ledger's id for this batch (0, 1, 2, ... in the order batches were made).</param>
/// <param name="WorkerId">The worker it was given to.</param>
/// <param name="Tasks">The tasks, run in this order.</param>
/// <param name="Attempts">For each task, how many earlier attempts of it failed (fault injection keys on it).</param>
public sealed record TaskBatch(int BatchId, int WorkerId, WorkTask[] Tasks, int[] Attempts)
{
    public int Count => Tasks.Length;
}

/// <summary>
/// Worker to supervisor: every task of batch <see cref="BatchId"/> is done. <see cref="Durations"/> holds the
/// worker's busy time on each task, in the order of <see cref="Results"/> (the batch's order).
/// </summary>
public sealed record BatchDone(int WorkerId, int BatchId, TaskResult[] Results, TimeSpan[] Durations);

/// <summary>
/// Worker to supervisor, sent while the worker restarts: task number <see cref="FailedIndex"/> of batch
/// <see cref="BatchId"/> threw. <see cref="Results"/> and <see cref="Durations"/> hold the tasks that finished
/// (in no particular order); the others of the batch never ran or never finished, and go back to the queue.
/// </summary>
public sealed record BatchFailed(int WorkerId, int BatchId, int FailedIndex, TaskResult[] Results, TimeSpan[] Durations, string Error);

/// <summary>
/// How the ledger sizes batches. In pull mode a batch holds as many tasks as fit in <see cref="Target"/> of a
/// worker's time, judged from the busy times measured so far (one task until the first result is in), at most
/// <see cref="MaxBatch"/>, and never more than a share of what is left, so the end of a job stays balanced. In
/// push mode, where every task is dealt before any has run, each worker's tasks go in
/// <see cref="PushBatchesPerWorker"/> batches (a task to a batch for the lab's default task counts).
/// </summary>
/// <param name="Target">Worker time one batch should hold; zero: one task per message.</param>
/// <param name="MaxBatch">The most tasks in one batch.</param>
public sealed record BatchPolicy(TimeSpan Target, int MaxBatch = 4096)
{
    /// <summary>Batches per worker in push mode, when a worker has more tasks than that.</summary>
    public const int PushBatchesPerWorker = 64;

    /// <summary>The lab's default: half a millisecond of work per message.</summary>
    public static BatchPolicy Default { get; } = new(TimeSpan.FromMilliseconds(0.5));

    /// <summary>One task per message, whatever the task costs.</summary>
    public static BatchPolicy None { get; } = new(TimeSpan.Zero, 1);
}
