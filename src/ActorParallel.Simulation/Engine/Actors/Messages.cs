using Akka.Actor;
using Akka.Routing;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>Client to supervisor: start the job; the reply is a <see cref="JobOutcome"/>.</summary>
public sealed record StartJob
{
    public static StartJob Instance { get; } = new();
}

/// <summary>Client to supervisor: stop the job now; the client gets a failed <see cref="JobOutcome"/>.</summary>
public sealed record CancelJob
{
    public static CancelJob Instance { get; } = new();
}

/// <summary>Supervisor to itself when <c>job-timeout</c> passes.</summary>
public sealed record JobTimedOut
{
    public static JobTimedOut Instance { get; } = new();
}

/// <summary>Worker to itself: the awaited tasks of a batch (io) finished; reply to the supervisor.</summary>
internal sealed record AsyncBatchDone(TaskBatch Batch, TaskResult[] Results, TimeSpan[] Durations, IActorRef ReplyTo);

/// <summary>Worker to itself: an awaited task of a batch threw; rethrown so the supervisor restarts the worker.</summary>
internal sealed record AsyncBatchFailed(TaskBatch Batch, int FailedIndex, TaskResult?[] Results, TimeSpan[] Durations, Exception Error);

/// <summary>Coordinator to peer: the refs of every peer, indexed by peer id; the peer starts when it gets them.</summary>
public sealed record PeerWiring(IReadOnlyList<IActorRef> Peers);

/// <summary>Peer to coordinator: its part of the answer, the messages it sent and its busy time.</summary>
public sealed record PeerFinished(int PeerId, object Result, int Messages, long Bytes, TimeSpan Busy);

/// <summary>Supervisor to metrics actor, after <see cref="JobFinished"/>: send the final outcome to <see cref="Client"/>.</summary>
public sealed record CompleteJob(IActorRef Client, object? Answer, string? Error);

/// <summary>Anyone to metrics actor: reply with a <see cref="MetricsSnapshot"/>.</summary>
public sealed record GetSnapshot
{
    public static GetSnapshot Instance { get; } = new();
}

/// <summary>Metrics actor to itself: time to publish a progress snapshot.</summary>
internal sealed record PublishProgress
{
    public static PublishProgress Instance { get; } = new();
}

/// <summary>The end of a job as the client sees it: an answer, or an error naming what failed; metrics either way.</summary>
public sealed record JobOutcome(object? Answer, string? Error, JobMetrics Metrics)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Supervisor to worker, before the first batch of a shuffle job: cut map output into <see cref="Partitions"/>
/// partitions and send partition p to <c>Reducers[p % Reducers.Length]</c>. Locally that is one entry, the shuffle's
/// consistent-hashing router, whose ring picks the reducer; on a cluster it is the reducers themselves, spread over the
/// worker nodes, so each part crosses the network once, straight to its reducer.
/// </summary>
public sealed record ShuffleWiring(IActorRef[] Reducers, int Partitions)
{
    /// <summary>Everything through one router (the local engine's consistent-hashing pool).</summary>
    public ShuffleWiring(IActorRef router, int partitions)
        : this([router], partitions)
    {
    }

    /// <summary>Where partition <paramref name="partition"/>'s parts and its <see cref="ReduceNow"/> go.</summary>
    public IActorRef Owner(int partition) => Reducers[partition % Reducers.Length];
}

/// <summary>
/// Engine to a task-farm supervisor, before the job starts: the shuffle's reducers were made elsewhere (on the cluster's
/// worker nodes), reducer i owning the partitions p with p % count = i; use them instead of a local router. Answered
/// with <see cref="Akka.Done"/>.
/// </summary>
public sealed record UseReducers(IActorRef[] Reducers);

/// <summary>
/// Worker to reducers, through the shuffle's consistent-hashing router: partition <see cref="Partition"/> of
/// one map task's output. The partition is the hash key, so every task's part of it reaches the same reducer.
/// </summary>
public sealed record ShufflePart(int TaskId, int Partition, object Part) : IConsistentHashable
{
    object IConsistentHashable.ConsistentHashKey => Partition;
}

/// <summary>
/// Supervisor to reducers, through the router with the same key as the parts: all <see cref="Tasks"/> map
/// tasks are done; reduce <see cref="Partition"/> once every task's part of it is in.
/// </summary>
public sealed record ReduceNow(int Tasks, int Partition) : IConsistentHashable
{
    object IConsistentHashable.ConsistentHashKey => Partition;
}

/// <summary>Reducer to supervisor: one reduced partition and the parts (messages) it was made of.</summary>
public sealed record Reduced(int Partition, object Output, int Parts, long Bytes);

/// <summary>Reducer to supervisor: the workload threw on <see cref="Partition"/>; the job fails naming it.</summary>
public sealed record ReduceFailed(int Partition, string Error);

/// <summary>The result a shuffling map task reports to the supervisor: its output went to the reducers.</summary>
public sealed record Shuffled
{
    public static Shuffled Instance { get; } = new();
}
