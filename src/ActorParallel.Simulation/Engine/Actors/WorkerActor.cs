using System.Diagnostics;
using Akka.Actor;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// Executes tasks. A CPU-bound task runs inside the handler (the worker's dispatcher thread is the
/// core it uses); a task that awaits (io) is piped back to the worker so the worker can start the
/// next one meanwhile. When a task throws, the supervisor restarts the worker and the worker tells
/// it, from <see cref="PreRestart"/>, which attempt failed so the task can be retried.
/// </summary>
public sealed class WorkerActor : ReceiveActor
{
    private readonly int _id;

    private readonly ITaskFarmWorkload _workload;
    private readonly IActorRef? _shuffle;
    private readonly int _partitions;

    /// <param name="id">The worker's index, 0..W-1.</param>
    /// <param name="workload">The workload whose tasks it runs.</param>
    /// <param name="faults">Optional fault injection.</param>
    /// <param name="shuffle">For a shuffle workload, the consistent-hashing router in front of the reducers; otherwise null.</param>
    /// <param name="partitions">For a shuffle, how many partitions (hash keys) each map output is cut into.</param>
    public WorkerActor(int id, ITaskFarmWorkload workload, FaultInjection? faults, IActorRef? shuffle = null, int partitions = 0)
    {
        ArgumentNullException.ThrowIfNull(workload);
        (_id, _workload, _shuffle, _partitions) = (id, workload, shuffle, partitions);
        Receive<ExecuteTask>(t =>
        {
            if (faults?.ShouldFail(t.Task.TaskId, t.Attempt) == true)
                throw InjectedFaultException.For(t.Task.TaskId, t.Attempt);
            var start = Stopwatch.GetTimestamp();
            var pending = workload.ExecuteAsync(t.Task);
            if (pending.IsCompleted)
            {
                // GetResult rethrows a synchronous failure here, inside the handler, so supervision sees it.
                Sender.Tell(new TaskDone(_id, t.Attempt, Deliver(pending.GetAwaiter().GetResult()), Stopwatch.GetElapsedTime(start)));
                return;
            }

            var replyTo = Sender;
            pending.PipeTo(Self, Self, r => new AsyncTaskDone(t, r, start, replyTo), e => new AsyncTaskFailed(t, e));
        });
        Receive<AsyncTaskDone>(d => d.ReplyTo.Tell(new TaskDone(_id, d.Task.Attempt, Deliver(d.Result), Stopwatch.GetElapsedTime(d.StartTimestamp)), Self));
        Receive<AsyncTaskFailed>(f => throw new InvalidOperationException($"task {f.Task.Task.TaskId} failed: {f.Error.Message}", f.Error));
    }

    /// <summary>
    /// For a shuffle, tells the router every partition of the output (empty ones too: a reducer counts one part
    /// per task) and reports <see cref="Shuffled"/> instead of the output. The router, not the worker, picks
    /// the reducer of each partition.
    /// </summary>
    private TaskResult Deliver(TaskResult result)
    {
        if (_shuffle is null || _workload is not IShuffleWorkload shuffle)
            return result;
        var parts = shuffle.Partition(result.Output, _partitions);
        for (var p = 0; p < parts.Count; p++)
            _shuffle.Tell(new ShufflePart(result.TaskId, p, parts[p]), Self);
        return result with { Output = Shuffled.Instance };
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var failed = message switch
        {
            ExecuteTask t => t,
            AsyncTaskFailed f => f.Task,
            _ => null,
        };
        if (failed is not null)
            Context.Parent.Tell(new TaskAttemptFailed(_id, failed.Task.TaskId, failed.Attempt, reason.Message), Self);
        base.PreRestart(reason, message);
    }
}
