using Akka.Actor;
using Akka.Event;
using Akka.Routing;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// Runs one task-farm job: splits it, creates W workers on the worker dispatcher, hands out batches of tasks
/// through a <see cref="TaskLedger"/> (pull: refill as batches come back; push: all dealt round-robin at
/// start; small tasks several to a message, see <see cref="BatchPolicy"/>), restarts workers that throw and
/// retries their task, combines the results in task-id order, and reports to the metrics actor in
/// <see cref="MetricsBatch"/>es (see <see cref="FarmMetrics"/>), not a message per event. For a shuffle workload the workers send their map
/// output to reducers through a consistent-hashing router (see <see cref="PartitionsPerReducer"/>), or, given reducers made
/// on a cluster's nodes (<see cref="UseReducers"/>), straight to partition p's reducer p % reducers; the answer is combined
/// from the reduced partitions. Supervisor and workers share nothing but messages.
/// </summary>
public class SupervisorActor : JobActor
{
    /// <summary>
    /// Shuffle partitions per reducer. Each map output is cut by key (<see cref="StableHash"/>) into
    /// P = reducers x this partitions, and each (task, partition) part is one message to a
    /// <see cref="ConsistentHashingPool"/> of reducers, with the partition number as the hash key: the
    /// router's ring, not the worker, decides which reducer owns which words. Partitions rather than words
    /// because a message per word would be (distinct words x tasks) messages; a fixed key per partition also
    /// lets <see cref="ReduceNow"/> follow the parts to the same reducer, so a reducer knows a partition is
    /// complete (one part per task) without knowing the ring. A ring shares a few keys unevenly, so there
    /// are many partitions per reducer and many ring points per reducer (<see cref="ShuffleVirtualNodes"/>):
    /// with 4 per reducer and the default 10 points, one of 4 reducers could get half the partitions.
    /// </summary>
    public const int PartitionsPerReducer = 16;

    /// <summary>Points per reducer on the shuffle router's hash ring (Akka's default of 10 spreads few keys unevenly).</summary>
    public const int ShuffleVirtualNodes = 100;

    private readonly ITaskFarmWorkload _workload;
    private readonly string _workerDispatcher;
    private IReadOnlyList<IActorRef>? _given;
    private readonly List<IActorRef> _workers = [];
    private ShuffleWiring? _shuffle;
    private IActorRef[]? _givenReducers;
    private int _partitions;
    private object[] _reduced = [];
    private int _reducedCount;
    private bool _reducing;
    private TaskLedger? _ledger;
    private FarmMetrics? _metrics;

    /// <param name="workload">The job's workload.</param>
    /// <param name="request">The job.</param>
    /// <param name="metrics">The metrics actor that hears the job's events.</param>
    /// <param name="workerDispatcher">The dispatcher of the workers and reducers it creates.</param>
    /// <param name="workers">
    /// Workers made elsewhere (on cluster nodes), to use instead of creating W children; they answer to the sender of
    /// each batch, and their loss is reported with <see cref="LoseWorkers"/>.
    /// </param>
    public SupervisorActor(ITaskFarmWorkload workload, JobRequest request, IActorRef metrics, string workerDispatcher, IReadOnlyList<IActorRef>? workers = null)
        : base(request, metrics)
    {
        (_workload, _workerDispatcher, _given) = (workload, workerDispatcher, workers);
        Receive<BatchDone>(Done);
        Receive<BatchFailed>(Failed);
        Receive<SpeculationTick>(_ => Speculate());
        Receive<Reduced>(ReducerDone);
        Receive<ReduceFailed>(f => Fail($"{_workload.Name}: reducing partition {f.Partition} of {_partitions} failed: {f.Error}"));
        Receive<UseReducers>(u =>
        {
            _givenReducers = u.Reducers;
            Sender.Tell(Akka.Done.Instance);
        });
    }

    protected override string Progress => $"{_ledger?.Completed ?? 0} of {_ledger?.Total ?? 0} tasks were done";

    /// <summary>Restart a worker whatever it threw: the task is retried by the ledger, which bounds the retries.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Restart, loggingEnabled: false);

    protected override void Begin()
    {
        IReadOnlyList<WorkTask> tasks;
        try
        {
            tasks = Split();
        }
        catch (Exception e) when (e is WorkloadParameterException or IOException or InvalidOperationException)
        {
            Fail($"{_workload.Name}: split failed: {e.Message}");
            return;
        }

        var workerCount = _given?.Count ?? Request.Workers;
        Emit(new JobStarted(TimeSpan.Zero, _workload.Name, workerCount, tasks.Count));
        if (_workload is IShuffleWorkload shuffle)
        {
            var reducers = _givenReducers?.Length ?? shuffle.Reducers(Request.Parameters);
            _partitions = reducers * PartitionsPerReducer;
            _reduced = new object[_partitions];
            if (_givenReducers is { } given)
            {
                // Reducers on the cluster's nodes: partition p belongs to reducer p % count, so each reducer gets
                // exactly PartitionsPerReducer of them and the workers send each part straight to its owner.
                _shuffle = new ShuffleWiring(given, _partitions);
            }
            else
            {
                var reducer = Props.Create(() => new ReducerActor(shuffle)).WithDispatcher(_workerDispatcher);
                _shuffle = new ShuffleWiring(
                    Context.ActorOf(new ConsistentHashingPool(reducers).WithVirtualNodesFactor(ShuffleVirtualNodes).Props(reducer), "shuffle"), _partitions);
            }
        }

        if (_given is null)
        {
            // Plain locals in the Props expressions: it is evaluated by reflection, and a property read there
            // (Request.Faults) is compiled into an invoke stub, inside the job clock.
            var (workload, faults) = (_workload, Request.Faults);
            var props = Props.Create(() => new WorkerActor(workload, faults)).WithDispatcher(_workerDispatcher);
            for (var i = 0; i < Request.Workers; i++)
                _workers.Add(Context.ActorOf(props, $"worker-{i}"));
        }
        else
        {
            _workers.AddRange(_given);
        }

        Wire(_workers);
        _ledger = new TaskLedger(tasks, workerCount, Request.Mode, Request.Prefetch, Request.TaskRetries, Request.Batching, Request.Speculation);
        _metrics = new FarmMetrics(_workload, tasks.Count);
        if (Request.Speculation is { } speculation)
            Timers.StartPeriodicTimer(SpeculationTick.Instance, SpeculationTick.Instance, speculation.CheckInterval);
        Send(_ledger.Start(Clock.Elapsed));
        FinishIfComplete();
    }

    /// <summary>The job's tasks (the workload's split; a cluster supervisor is handed the split its engine checked).</summary>
    protected virtual IReadOnlyList<WorkTask> Split() => _workload.Split(Request.Parameters);

    /// <summary>Tells workers where a shuffle's map output goes (before their first batch: same sender, same order).</summary>
    private void Wire(IEnumerable<IActorRef> workers)
    {
        if (_shuffle is null)
            return;
        foreach (var w in workers)
            w.Tell(_shuffle, Self);
    }

    /// <summary>
    /// Workers are gone (their node is unreachable or left): their batches go to the others. With no worker left the
    /// job fails, naming <paramref name="why"/>.
    /// </summary>
    protected void LoseWorkers(Func<IActorRef, bool> lost, string why)
    {
        ArgumentNullException.ThrowIfNull(lost);
        if (_ledger is null || IsFinished)
            return;
        var now = Clock.Elapsed;
        for (var i = 0; i < _workers.Count; i++)
        {
            if (lost(_workers[i]))
                Send(_ledger.WorkerLost(i, now));
        }

        if (!_ledger.HasLiveWorkers)
        {
            Fail($"{_workload.Name}: no worker is left ({why}); {Progress}");
            return;
        }

        // A reducer's parts live only in it: with one gone, its partitions cannot be completed without re-running
        // every map task, which the lab does not do. Fail now, naming the node, instead of waiting for job-timeout.
        if (_givenReducers is { } reducers && reducers.Where(r => lost(r)).Select(r => r.Path.Name).ToArray() is { Length: > 0 } gone)
            Fail($"{_workload.Name}: {why}, and with it the shuffle's {string.Join(", ", gone)} and the map output they held (lost reducers are not re-run); {Progress}");
    }

    /// <summary>Workers that joined mid-job (a node came up): they get work at once (pull mode).</summary>
    protected void AddWorkers(IReadOnlyList<IActorRef> workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        if (_ledger is null || IsFinished)
            return;
        Wire(workers);
        foreach (var w in workers)
        {
            _workers.Add(w);
            Send(_ledger.AddWorker(Clock.Elapsed, out _));
        }
    }

    /// <summary>Workers made elsewhere, to use instead of creating children; before the job begins.</summary>
    protected void UseWorkers(IReadOnlyList<IActorRef> workers) => _given = workers ?? throw new ArgumentNullException(nameof(workers));

    /// <summary>The workers, by ledger id (a lost one stays in its place).</summary>
    protected IReadOnlyList<IActorRef> Workers => _workers;

    /// <summary>The ledger, once the job has begun (for reports: re-issued tasks, duplicates).</summary>
    protected TaskLedger? Ledger => _ledger;

    private void Done(BatchDone d)
    {
        if (_ledger is null || _metrics is null || IsFinished)
            return;
        var now = Clock.Elapsed;
        _metrics.Returned(_ledger, d.WorkerId, d.BatchId, d.Results, d.Durations, now);
        var speculated = _ledger.Speculated;
        Send(_ledger.Complete(d, now));
        ReportSpeculation(speculated);
        FlushMetrics(now, force: false);
        FinishIfComplete();
    }

    private void Failed(BatchFailed f)
    {
        if (_ledger is null || _metrics is null || IsFinished)
            return;
        var now = Clock.Elapsed;
        _metrics.Returned(_ledger, f.WorkerId, f.BatchId, f.Results, f.Durations, now);
        _metrics.Failed();
        if ((uint)f.WorkerId < (uint)_workers.Count)
            Wire([_workers[f.WorkerId]]); // it was restarted and forgot where the shuffle goes
        var retries = _ledger.Fail(f, now);
        if (_ledger.FatalError is { } fatal)
        {
            Fail($"{_workload.Name}: {fatal}");
            return;
        }

        Send(retries);
        FinishIfComplete();
    }

    /// <summary>Every so often at the tail: idle workers take copies of what silent ones hold (see <see cref="SpeculationPolicy"/>).</summary>
    private void Speculate()
    {
        if (_ledger is null || IsFinished)
            return;
        var speculated = _ledger.Speculated;
        Send(_ledger.Tick(Clock.Elapsed));
        ReportSpeculation(speculated);
    }

    private void ReportSpeculation(int before)
    {
        if (_ledger is { } ledger && ledger.Speculated > before)
        {
            Context.GetLogger().Info("{0}: {1} tasks of a silent worker re-issued to idle workers as speculative copies (the first result counts)",
                _workload.Name, ledger.Speculated - before);
        }
    }

    private void Send(IReadOnlyList<TaskBatch> batches)
    {
        for (var i = 0; i < batches.Count; i++)
        {
            var batch = batches[i];
            _workers[batch.WorkerId].Tell(batch, Self);
            _metrics!.Sent(batch);
        }
    }

    /// <summary>Ships what the metrics collected: every few hundred tasks, every 100 ms, and (forced) before the job ends.</summary>
    private void FlushMetrics(TimeSpan now, bool force)
    {
        if (_metrics is { } metrics && metrics.ShouldFlush(now, force))
            Emit(metrics.Flush(now));
    }

    protected override void BeforeEnd()
    {
        FlushMetrics(Clock.Elapsed, force: true);
        if (_metrics is { } metrics)
            Emit(metrics.Waits(Clock.Elapsed));
        if (_ledger is { } ledger && (ledger.Reissued > 0 || ledger.Duplicates > 0 || ledger.Speculated > 0))
            Emit(new LedgerSummary(Clock.Elapsed, ledger.Reissued, ledger.Duplicates) { Speculated = ledger.Speculated });
    }

    private void FinishIfComplete()
    {
        if (_ledger is not { IsComplete: true } || IsFinished)
            return;
        if (_shuffle is not null)
        {
            // Map phase done: each partition's reducer answers once every part of it has reached it.
            if (!_reducing)
            {
                _reducing = true;
                for (var p = 0; p < _partitions; p++)
                    _shuffle.Owner(p).Tell(new ReduceNow(_ledger.Total, p), Self);
            }

            return;
        }

        Finish(() => _workload.Combine(Request.Parameters, _ledger.Results()));
    }

    private void ReducerDone(Reduced r)
    {
        if (IsFinished || _reduced[r.Partition] is not null)
            return;
        _reduced[r.Partition] = r.Output;
        _reducedCount++;
        Emit(new MessageSent(Clock.Elapsed, r.Bytes + (FarmMetrics.EnvelopeBytes * (long)r.Parts), r.Parts));
        if (_reducedCount == _reduced.Length)
            Finish(() => ((IShuffleWorkload)_workload).CombineReduced(Request.Parameters, _reduced));
    }

    private void Finish(Func<object> combine)
    {
        object answer;
        try
        {
            // The combine step runs here, in the supervisor, after the parallel part: the job's serial tail.
            answer = combine();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Any workload exception fails the job at once, named; left to escalate it would restart the
            // supervisor and leave the client waiting for the job timeout.
            Fail($"{_workload.Name}: combine failed: {e.GetType().Name}: {e.Message}");
            return;
        }

        Complete(answer);
    }

    /// <summary>Supervisor to itself: look for silent workers (only with a <see cref="SpeculationPolicy"/>).</summary>
    private sealed class SpeculationTick
    {
        public static SpeculationTick Instance { get; } = new();
    }

    /// <summary>Completed or failed: the workers and the shuffle router are no longer needed.</summary>
    protected override void OnEnded()
    {
        if (_given is null)
        {
            foreach (var w in _workers)
                Context.Stop(w);
        }

        if (_shuffle is not null && _givenReducers is null)
            Context.Stop(_shuffle.Reducers[0]);
    }
}
