using System.Diagnostics;
using ActorParallel.Actor;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// Runs one task-farm job: splits it, creates W workers on the worker dispatcher, hands out tasks
/// through a <see cref="TaskLedger"/> (pull: refill as results arrive; push: all dealt round-robin at
/// start), restarts workers that throw and retries their task, combines the results in task-id
/// order, and reports every step to the metrics actor. Supervisor and workers share nothing but messages.
/// </summary>
public sealed class SupervisorActor : ReceiveActor
{
    /// <summary>Bytes of a task or result envelope beyond its payload (ids, attempt).</summary>
    public const int EnvelopeBytes = 32;

    private readonly ITaskFarmWorkload _workload;
    private readonly JobRequest _request;
    private readonly IActorRef _metrics;
    private readonly string _workerDispatcher;

    // The job clock: every metrics event is stamped with its elapsed time.
    private readonly Stopwatch _clock = new();
    private readonly List<IActorRef> _workers = [];
    private readonly List<IActorRef> _reducers = [];
    private object[] _reduced = [];
    private int _reducedCount;
    private bool _reducing;
    private TaskLedger? _ledger;
    private IActorRef? _client;
    private bool _cancelled;
    private bool _finished;

    public SupervisorActor(ITaskFarmWorkload workload, JobRequest request, IActorRef metrics, string workerDispatcher)
    {
        (_workload, _request, _metrics, _workerDispatcher) = (workload, request, metrics, workerDispatcher);
        Receive<StartJob>(_ => Start());
        Receive<TaskDone>(Done);
        Receive<TaskAttemptFailed>(Failed);
        Receive<Reduced>(ReducerDone);
        Receive<CancelJob>(_ =>
        {
            _cancelled = true;
            Fail("the job was cancelled");
        });
        Receive<JobTimedOut>(_ => Fail($"the job timed out after {_request.Timeout} (job-timeout); {_ledger?.Completed ?? 0} of {_ledger?.Total ?? 0} tasks were done"));
    }

    /// <summary>Restart a worker whatever it threw: the task is retried by the ledger, which bounds the retries.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Restart, loggingEnabled: false);

    private void Start()
    {
        if (_client is not null)
            return;
        _client = Sender;
        if (_cancelled)
        {
            // Cancelled before it started (the cancel overtook StartJob): answer at once.
            Fail("the job was cancelled");
            return;
        }

        _clock.Start();
        Context.System.Scheduler.ScheduleTellOnce(_request.Timeout, Self, JobTimedOut.Instance, Self);
        IReadOnlyList<WorkTask> tasks;
        try
        {
            tasks = _workload.Split(_request.Parameters);
        }
        catch (Exception e) when (e is WorkloadParameterException or IOException or InvalidOperationException)
        {
            Fail($"{_workload.Name}: split failed: {e.Message}");
            return;
        }

        Emit(new JobStarted(TimeSpan.Zero, _workload.Name, _request.Workers, tasks.Count));
        if (_workload is IShuffleWorkload shuffle)
        {
            var reducers = shuffle.Reducers(_request.Parameters);
            _reduced = new object[reducers];
            for (var r = 0; r < reducers; r++)
            {
                var id = r;
                _reducers.Add(Context.ActorOf(Props.Create(() => new ReducerActor(id, shuffle)).WithDispatcher(_workerDispatcher), $"reducer-{id}"));
            }
        }

        for (var i = 0; i < _request.Workers; i++)
        {
            var id = i;
            var reducerRefs = _reducers.ToArray();
            var props = Props.Create(() => new WorkerActor(id, _workload, _request.Faults, reducerRefs)).WithDispatcher(_workerDispatcher);
            _workers.Add(Context.ActorOf(props, $"worker-{id}"));
        }

        _ledger = new TaskLedger(tasks, _request.Workers, _request.Mode, _request.Prefetch, _request.TaskRetries);
        Send(_ledger.Start());
        FinishIfComplete();
    }

    private void Done(TaskDone d)
    {
        if (_ledger is null || _finished)
            return;
        Emit(new MessageSent(_clock.Elapsed, EnvelopeBytes + _workload.EstimateBytes(d.Result.Output)));
        if (_ledger.Complete(d.WorkerId, d.Attempt, d.Result, out var next))
        {
            var now = _clock.Elapsed;
            Emit(new TaskStarted(now - d.Duration, d.Result.TaskId, d.WorkerId));
            Emit(new TaskCompleted(now, d.Result.TaskId, d.WorkerId, d.Duration));
        }

        Send(next);
        FinishIfComplete();
    }

    private void Failed(TaskAttemptFailed f)
    {
        if (_ledger is null || _finished)
            return;
        Emit(new TaskFailed(_clock.Elapsed, f.TaskId, f.WorkerId, f.Error));
        var retries = _ledger.Fail(f.WorkerId, f.TaskId, f.Attempt, f.Error);
        if (_ledger.FatalError is { } fatal)
        {
            Fail($"{_workload.Name}: {fatal}");
            return;
        }

        Send(retries);
    }

    private void Send(IReadOnlyList<Assignment> assignments)
    {
        foreach (var a in assignments)
        {
            _workers[a.WorkerId].Tell(new ExecuteTask(a.Attempt, a.Task), Self);
            Emit(new TaskDispatched(_clock.Elapsed, a.Task.TaskId, a.WorkerId));
            Emit(new MessageSent(_clock.Elapsed, EnvelopeBytes + _workload.EstimateBytes(a.Task.Payload)));
        }
    }

    private void FinishIfComplete()
    {
        if (_ledger is not { IsComplete: true } || _finished)
            return;
        if (_reducers.Count > 0)
        {
            // Map phase done: the reducers answer once every part has reached them.
            if (!_reducing)
            {
                _reducing = true;
                foreach (var r in _reducers)
                    r.Tell(new ReduceNow(_ledger.Total), Self);
            }

            return;
        }

        Finish(() => _workload.Combine(_request.Parameters, _ledger.Results()));
    }

    private void ReducerDone(Reduced r)
    {
        if (_finished || _reduced[r.ReducerId] is not null)
            return;
        _reduced[r.ReducerId] = r.Output;
        _reducedCount++;
        Emit(new MessageSent(_clock.Elapsed, r.Bytes + (EnvelopeBytes * (long)r.Parts), r.Parts));
        if (_reducedCount == _reduced.Length)
            Finish(() => ((IShuffleWorkload)_workload).CombineReduced(_request.Parameters, _reduced));
    }

    private void Finish(Func<object> combine)
    {
        object answer;
        try
        {
            // The combine step runs here, in the supervisor, after the parallel part: the job's serial tail.
            answer = combine();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            Fail($"{_workload.Name}: combine failed: {e.Message}");
            return;
        }

        _finished = true;
        Emit(new JobFinished(_clock.Elapsed, true));
        _metrics.Tell(new CompleteJob(_client!, answer, null), Self);
        StopWorkers();
    }

    private void Fail(string error)
    {
        if (_finished || _client is null)
            return;
        _finished = true;
        Emit(new JobFinished(_clock.Elapsed, false));
        _metrics.Tell(new CompleteJob(_client, null, error), Self);
        StopWorkers();
    }

    private void StopWorkers()
    {
        foreach (var w in _workers.Concat(_reducers))
            Context.Stop(w);
    }

    private void Emit(MetricsEvent e) => _metrics.Tell(e, Self);
}
