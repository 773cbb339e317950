using System.Diagnostics;
using Akka.Actor;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// Executes batches of tasks (see <see cref="TaskBatch"/>), in order, and answers each with one
/// <see cref="BatchDone"/> carrying every result and the busy time on each. A CPU-bound task runs inside the
/// handler (the worker's dispatcher thread is the core it uses); tasks that await (io) run concurrently and the
/// batch is piped back to the worker when they are all done, so the worker can take the next batch meanwhile.
/// When a task throws, the supervisor restarts the worker and the worker tells it, from <see cref="PreRestart"/>,
/// which task of which batch failed and which results it already had, so that only the rest is retried.
/// </summary>
public sealed class WorkerActor : ReceiveActor, IWithUnboundedStash
{
    private readonly ITaskFarmWorkload _workload;
    private readonly FaultInjection? _faults;
    private IActorRef? _shuffle;
    private int _partitions;
    private IActorRef _supervisor = ActorRefs.Nobody;
    private readonly long? _maxResultBytes;

    /// <param name="workload">The workload whose tasks it runs.</param>
    /// <param name="faults">Optional fault injection.</param>
    /// <remarks>A worker has no id of its own: the supervisor's id for it travels in each batch and comes back in the answer.</remarks>
    public WorkerActor(ITaskFarmWorkload workload, FaultInjection? faults)
        : this(workload, faults, null)
    {
    }

    /// <summary>
    /// A worker whose results cross the network: a batch whose results (by the workload's estimate) exceed
    /// <paramref name="maxResultBytes"/> fails, naming its size, instead of being dropped by the transport.
    /// </summary>
    public WorkerActor(ITaskFarmWorkload workload, FaultInjection? faults, long? maxResultBytes)
    {
        ArgumentNullException.ThrowIfNull(workload);
        (_workload, _faults, _maxResultBytes) = (workload, faults, maxResultBytes);
        Receive<ShuffleWiring>(w =>
        {
            (_shuffle, _partitions) = (w.Router, w.Partitions);
            Stash.UnstashAll();
        });
        Receive<TaskBatch>(b =>
        {
            // A map task's output must go to the reducers: wait for the wiring (a restart forgets it; the
            // supervisor sends it again with the retry).
            if (_shuffle is null && _workload is IShuffleWorkload)
                Stash.Stash();
            else
                Run(b);
        });
        Receive<AsyncBatchDone>(d =>
        {
            for (var i = 0; i < d.Results.Length; i++)
                d.Results[i] = Deliver(d.Results[i]);
            CheckSize(d.Batch, d.Results, d.Durations);
            d.ReplyTo.Tell(new BatchDone(d.Batch.WorkerId, d.Batch.BatchId, d.Results, d.Durations), Self);
        });
        Receive<AsyncBatchFailed>(f => throw Failure(f.Batch, f.FailedIndex, f.Results, f.Durations, f.Error));
    }

    public IStash Stash { get; set; } = null!;

    private void Run(TaskBatch batch)
    {
        // Failures are reported to whoever sent the batch: the parent locally, the driver's supervisor on a cluster node.
        _supervisor = Sender;
        var count = batch.Count;
        var results = new TaskResult?[count];
        var durations = new TimeSpan[count];
        List<Task<Outcome>>? pending = null;
        for (var i = 0; i < count; i++)
        {
            var task = batch.Tasks[i];
            var start = Stopwatch.GetTimestamp();
            try
            {
                if (_faults?.ShouldFail(task.TaskId, batch.Attempts[i]) == true)
                    throw InjectedFaultException.For(task.TaskId, batch.Attempts[i]);
                var running = _workload.ExecuteAsync(task);
                if (running.IsCompleted)
                {
                    // GetResult rethrows a synchronous failure here, inside the handler, so supervision sees it.
                    results[i] = Deliver(running.GetAwaiter().GetResult());
                    durations[i] = Stopwatch.GetElapsedTime(start);
                    continue;
                }

                (pending ??= []).Add(Timed(i, running, start));
            }
            catch (Exception e) when (e is not TaskBatchException)
            {
                throw Failure(batch, i, results, durations, e);
            }
        }

        if (pending is null)
        {
            CheckSize(batch, results!, durations);
            Sender.Tell(new BatchDone(batch.WorkerId, batch.BatchId, results!, durations), Self);
            return;
        }

        AwaitAsync(batch, results, durations, pending, Sender).PipeTo(Self);
    }

    /// <summary>Awaits one task; never throws (the error, if any, comes back with the task's index).</summary>
    private static async Task<Outcome> Timed(int index, ValueTask<TaskResult> running, long start)
    {
        try
        {
            var result = await running.ConfigureAwait(false);
            return new Outcome(index, result, Stopwatch.GetElapsedTime(start), null);
        }
        catch (Exception e)
        {
            return new Outcome(index, null, Stopwatch.GetElapsedTime(start), e);
        }
    }

    /// <summary>Off the actor's thread: waits for the batch's awaiting tasks and tells the worker how they went.</summary>
    private static async Task<object> AwaitAsync(TaskBatch batch, TaskResult?[] results, TimeSpan[] durations, List<Task<Outcome>> pending, IActorRef replyTo)
    {
        Outcome? failed = null;
        foreach (var outcome in await Task.WhenAll(pending).ConfigureAwait(false))
        {
            if (outcome.Error is not null)
            {
                failed ??= outcome;
                continue;
            }

            (results[outcome.Index], durations[outcome.Index]) = (outcome.Result, outcome.Duration);
        }

        return failed is { } f
            ? new AsyncBatchFailed(batch, f.Index, results, durations, f.Error!)
            : new AsyncBatchDone(batch, results!, durations, replyTo);
    }

    private sealed record Outcome(int Index, TaskResult? Result, TimeSpan Duration, Exception? Error);

    private static TaskBatchException Failure(TaskBatch batch, int index, TaskResult?[] results, TimeSpan[] durations, Exception error)
    {
        var done = new List<TaskResult>();
        var times = new List<TimeSpan>();
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i] is { } r)
            {
                done.Add(r);
                times.Add(durations[i]);
            }
        }

        return new TaskBatchException(batch, index, [.. done], [.. times], error);
    }

    /// <summary>
    /// For a shuffle, tells the router every partition of the output (empty ones too: a reducer counts one part
    /// per task) and reports <see cref="Shuffled"/> instead of the output. The router, not the worker, picks
    /// the reducer of each partition.
    /// </summary>
    private void CheckSize(TaskBatch batch, TaskResult[] results, TimeSpan[] durations)
    {
        if (_maxResultBytes is not { } max)
            return;
        var bytes = 0L;
        foreach (var r in results)
            bytes += _workload.EstimateBytes(r.Output);
        if (bytes > max)
        {
            var error = new InvalidOperationException(
                $"the results of {results.Length} task(s) from task {batch.Tasks[0].TaskId} are about {Cluster.TransportLimits.Describe(bytes)}, above the " +
                $"{Cluster.TransportLimits.Describe(max)} a message may carry (akka.remote.dot-netty.tcp.maximum-frame-size): use more tasks or raise the frame size");
            throw Failure(batch, 0, new TaskResult?[results.Length], durations, error);
        }
    }

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
        var failed = reason switch
        {
            TaskBatchException e => new BatchFailed(e.Batch.WorkerId, e.Batch.BatchId, e.FailedIndex, e.Results, e.Durations, e.InnerException?.Message ?? e.Message),
            _ when message is TaskBatch b => new BatchFailed(b.WorkerId, b.BatchId, 0, [], [], reason.Message),
            _ => null,
        };
        if (failed is not null)
            (_supervisor.IsNobody() ? Context.Parent : _supervisor).Tell(failed, Self);
        base.PreRestart(reason, message);
    }
}

/// <summary>A task of a batch threw: which one, and the results the batch already had, for the supervisor.</summary>
public sealed class TaskBatchException : Exception
{
    public TaskBatchException()
    {
        Batch = new TaskBatch(0, 0, [], []);
        (Results, Durations) = ([], []);
    }

    public TaskBatchException(string message)
        : base(message)
    {
        Batch = new TaskBatch(0, 0, [], []);
        (Results, Durations) = ([], []);
    }

    public TaskBatchException(string message, Exception inner)
        : base(message, inner)
    {
        Batch = new TaskBatch(0, 0, [], []);
        (Results, Durations) = ([], []);
    }

    public TaskBatchException(TaskBatch batch, int failedIndex, TaskResult[] results, TimeSpan[] durations, Exception inner)
        : base($"task {batch?.Tasks[failedIndex].TaskId} failed: {inner?.Message}", inner)
    {
        ArgumentNullException.ThrowIfNull(batch);
        (Batch, FailedIndex, Results, Durations) = (batch, failedIndex, results, durations);
    }

    public TaskBatch Batch { get; }

    public int FailedIndex { get; }

    public TaskResult[] Results { get; }

    public TimeSpan[] Durations { get; }
}
