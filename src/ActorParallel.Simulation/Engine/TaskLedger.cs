using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine;

/// <summary>
/// The supervisor's bookkeeping as a pure state machine: events in (<see cref="Start"/>, <see cref="Complete"/>,
/// <see cref="Fail"/>, each with the job clock's time passed in), commands out (the <see cref="TaskBatch"/>es to
/// send now). It knows nothing of actors or threads, so tests drive it alone and every engine shares it.
/// <para>
/// It tracks which tasks wait, which batch holds which task, how often each task failed, and the results, each
/// counted once: a result for a task already done is dropped, whichever batch it came in. In pull mode a worker
/// holds at most 1 + prefetch batches and gets more as batches come back; in push mode every task is dealt
/// round-robin (task i to worker i mod W) up front. Batches are sized by <see cref="BatchPolicy"/>. Failed tasks
/// and the untried rest of a failed batch go back to the front of the queue.
/// </para>
/// <para>
/// With a <see cref="SpeculationPolicy"/>, copies of what silent workers hold go to the front of the queue (checked on
/// <see cref="Tick"/> and on every completion) and idle workers take them at once; the first result of a task counts.
/// </para>
/// Every event costs O(tasks in the batch) (speculation, once a worker is silent at the tail, scans the batches out); nothing is allocated per task beyond the batch's own arrays. The
/// returned list is reused: read it before the next event. Owned by one supervisor, so single-threaded.
/// </summary>
public sealed class TaskLedger
{
    private readonly IReadOnlyList<WorkTask> _tasks;
    private int _workers;
    private readonly DispatchMode _mode;
    private readonly int _window;
    private readonly int _maxRetries;
    private readonly BatchPolicy _policy;
    private readonly SpeculationPolicy? _speculation;

    // Tasks never handed out are ids _nextFresh..n-1 (push: per worker, see _pushNext); tasks to hand out again
    // (failed, or the untried rest of a failed batch) wait in _again, ahead of fresh ones. Entries of _again whose
    // task got done meanwhile are skipped when they come up (lazy removal keeps every step O(1)).
    private readonly Queue<int> _again = new();
    private int _nextFresh;
    private int[] _pushNext;

    private int[] _outstanding;
    private bool[] _lost;
    private readonly int[] _failures;

    // Batches out holding each task (a task with a speculative copy out is held twice), and when each worker was last
    // heard from (a batch back) or last given work while it held none: its silence is measured from there.
    private readonly int[] _copies;
    private TimeSpan[] _heard;

    // Entries of each task in _again; tasks copied once already (speculation copies a task once); workers whose held
    // tasks were all copied (not scanned again until they are heard from or given more); batches before _firstOut are
    // all back (the scans start there).
    private readonly int[] _queued;
    private readonly bool[] _speculated;
    private bool[] _drained;
    private int _firstOut;
    private readonly TaskResult?[] _results;
    private readonly List<BatchState> _batches = [];
    private readonly List<TaskBatch> _commands = [];
    private readonly List<WorkTask> _scratchTasks = [];
    private readonly List<int> _scratchAttempts = [];
    private int _completed;

    // Measured worker time per task (exponentially weighted), for sizing pull batches; null until a result is in.
    private double? _ticksPerTask;

    public TaskLedger(IReadOnlyList<WorkTask> tasks, int workers, DispatchMode mode, int prefetch, int maxRetries, BatchPolicy? batching = null, SpeculationPolicy? speculation = null)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(prefetch);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        (_tasks, _workers, _mode, _window, _maxRetries) = (tasks, workers, mode, 1 + prefetch, maxRetries);
        _policy = batching ?? BatchPolicy.Default;
        _speculation = speculation;
        ArgumentOutOfRangeException.ThrowIfLessThan(_policy.MaxBatch, 1);
        _outstanding = new int[workers];
        _lost = new bool[workers];
        _pushNext = new int[workers];
        for (var w = 0; w < workers; w++)
            _pushNext[w] = w;
        _failures = new int[tasks.Count];
        // Per-task speculation state only where speculation can happen (cluster jobs): a local job's ledger stays at
        // the arrays it always needed (without copies, a task is out at most once and never both out and queued).
        var perTask = speculation is null ? 0 : tasks.Count;
        _copies = new int[perTask];
        _heard = new TimeSpan[workers];
        _queued = new int[perTask];
        _speculated = new bool[perTask];
        _drained = new bool[workers];
        _results = new TaskResult?[tasks.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            if (tasks[i].TaskId != i)
                throw new ArgumentException($"task ids must be 0..n-1 in order; position {i} holds task {tasks[i].TaskId}", nameof(tasks));
        }
    }

    public int Total => _tasks.Count;

    public int Completed => _completed;

    public bool IsComplete => _completed == _tasks.Count;

    /// <summary>Batches made so far.</summary>
    public int Batches => _batches.Count;

    /// <summary>Workers the ledger has given work to or may give work to, lost ones included (ids 0..Workers-1).</summary>
    public int Workers => _workers;

    /// <summary>Tasks handed out again because the worker holding them was lost (not counting retries after a throw).</summary>
    public int Reissued { get; private set; }

    /// <summary>Tasks copied to an idle worker because the worker holding them was silent (<see cref="SpeculationPolicy"/>).</summary>
    public int Speculated { get; private set; }

    /// <summary>Results dropped because their task already had one (a re-issued task whose first worker came back, a repeated batch).</summary>
    public int Duplicates { get; private set; }

    /// <summary>Set when a task has failed more than the allowed retries; the job fails with this message.</summary>
    public string? FatalError { get; private set; }

    /// <summary>True once task <paramref name="taskId"/> has a result (a later result for it is a duplicate).</summary>
    public bool IsDone(int taskId) => (uint)taskId < (uint)_results.Length && _results[taskId] is not null;

    /// <summary>When batch <paramref name="batchId"/> was sent, on the clock the events were given.</summary>
    public TimeSpan SentAt(int batchId) => _batches[batchId].SentAt;

    /// <summary>How many attempts of a task failed so far.</summary>
    public int Failures(int taskId) => _failures[taskId];

    /// <summary>The tasks a pull batch would hold now, given the busy times measured so far.</summary>
    public int PullBatchSize(int waiting)
    {
        if (_policy.Target <= TimeSpan.Zero || _ticksPerTask is not { } perTask)
            return 1;
        var fit = perTask <= 0 ? _policy.MaxBatch : (int)Math.Min(_policy.MaxBatch, _policy.Target.Ticks / perTask);
        // Leave the others something to pull: at most a share of what waits, so the job's end stays balanced.
        var share = (waiting + (2 * _workers) - 1) / (2 * _workers);
        return Math.Max(1, Math.Min(fit, share));
    }

    /// <summary>The first batches of the job: everything in push mode, a full window per worker in pull mode.</summary>
    public IReadOnlyList<TaskBatch> Start(TimeSpan now)
    {
        _commands.Clear();
        if (_mode == DispatchMode.Push)
        {
            for (var w = 0; w < _workers; w++)
            {
                var mine = (_tasks.Count - w + _workers - 1) / _workers;
                var size = Math.Clamp((mine + BatchPolicy.PushBatchesPerWorker - 1) / BatchPolicy.PushBatchesPerWorker, 1, _policy.Target > TimeSpan.Zero ? _policy.MaxBatch : 1);
                while (_pushNext[w] < _tasks.Count)
                {
                    for (var k = 0; k < size && _pushNext[w] < _tasks.Count; k++, _pushNext[w] += _workers)
                        Take(_pushNext[w]);
                    Emit(w, now);
                }
            }
        }
        else
        {
            // Round by round, one batch per worker each: with fewer tasks than windows, every worker gets one
            // before any gets a second (filling worker 0's window first left the others idle on small jobs).
            for (var round = 0; round < _window; round++)
            {
                for (var w = 0; w < _workers; w++)
                    Fill(w, now, round + 1);
            }
        }

        return _commands;
    }

    /// <summary>
    /// A batch came back complete. Fresh results are recorded (a duplicate, or a stale batch's result for a task
    /// done meanwhile, is dropped); the returned batches are the worker's next (pull mode).
    /// </summary>
    public IReadOnlyList<TaskBatch> Complete(BatchDone done, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(done);
        _commands.Clear();
        Record(done.Results, done.Durations);
        Heard(done.WorkerId, now);
        Close(done.WorkerId, done.BatchId);
        if (_mode == DispatchMode.Pull)
            Fill(done.WorkerId, now);
        Speculate(now);
        return _commands;
    }

    /// <summary>
    /// A task of a batch threw (and the worker is being restarted). The results before it count; the failed task
    /// is retried unless its retries are used up (then <see cref="FatalError"/> is set and nothing is sent); the
    /// untried rest of the batch goes back to the front of the queue. Pull: the worker's next batches; push: the
    /// same tasks to the same worker.
    /// </summary>
    public IReadOnlyList<TaskBatch> Fail(BatchFailed failed, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(failed);
        _commands.Clear();
        Record(failed.Results, failed.Durations);
        Heard(failed.WorkerId, now);
        if (!Close(failed.WorkerId, failed.BatchId))
            return _commands;
        var batch = _batches[failed.BatchId].Batch;
        var index = Math.Clamp(failed.FailedIndex, 0, batch.Count - 1);
        var culprit = batch.Tasks[index].TaskId;
        if (!IsDone(culprit))
        {
            var attempt = _failures[culprit]++;
            if (attempt >= _maxRetries)
            {
                FatalError ??= $"task {culprit} failed {attempt + 1} times (task-retries = {_maxRetries}); last error: {failed.Error}";
                return _commands;
            }
        }

        // The failed task first, then whatever else of the batch has no result (untried, or still awaiting when it threw).
        Requeue(culprit);
        for (var i = 0; i < batch.Count; i++)
        {
            var id = batch.Tasks[i].TaskId;
            if (i != index && !IsDone(id))
                Requeue(id);
        }

        if (_mode == DispatchMode.Pull)
        {
            Fill(failed.WorkerId, now);
        }
        else
        {
            // Push: the worker keeps its own tasks; the retried ones go back to it in one batch.
            while (TryDequeueAgain(out var id))
            {
                if (!IsDone(id))
                    Take(id);
            }

            if (_scratchTasks.Count > 0)
                Emit(failed.WorkerId, now);
        }

        return _commands;
    }

    /// <summary>The results in task-id order; only when <see cref="IsComplete"/>.</summary>
    public IReadOnlyList<TaskResult> Results() => IsComplete
        ? new ResultList(_results)
        : throw new InvalidOperationException($"only {_completed} of {Total} tasks are complete");

    private void Record(TaskResult[] results, TimeSpan[] durations)
    {
        long busy = 0;
        for (var i = 0; i < results.Length; i++)
        {
            var r = results[i];
            if ((uint)r.TaskId < (uint)_results.Length && _results[r.TaskId] is null)
            {
                _results[r.TaskId] = r;
                _completed++;
            }
            else
            {
                Duplicates++;
            }

            if (i < durations.Length)
                busy += durations[i].Ticks;
        }

        if (results.Length > 0)
        {
            var perTask = (double)busy / results.Length;
            _ticksPerTask = _ticksPerTask is { } previous ? (previous + perTask) / 2 : perTask;
        }
    }

    /// <summary>Marks a batch back from its worker; false if it was not out with that worker (a duplicate report).</summary>
    private bool Close(int worker, int batchId)
    {
        if ((uint)batchId >= (uint)_batches.Count)
            return false;
        var state = _batches[batchId];
        if (!state.Out || state.Batch.WorkerId != worker)
            return false;
        Release(batchId);
        return true;
    }

    /// <summary>
    /// A new worker can take work (a node joined mid-job): returns its id; in pull mode it gets a full window at once,
    /// in push mode it gets what is re-dealt later (tasks were dealt at the start).
    /// </summary>
    public IReadOnlyList<TaskBatch> AddWorker(TimeSpan now, out int workerId)
    {
        _commands.Clear();
        workerId = _workers++;
        Array.Resize(ref _outstanding, _workers);
        Array.Resize(ref _lost, _workers);
        Array.Resize(ref _pushNext, _workers);
        Array.Resize(ref _heard, _workers);
        Array.Resize(ref _drained, _workers);
        _pushNext[workerId] = _tasks.Count;
        if (_mode == DispatchMode.Pull)
            Fill(workerId, now);
        return _commands;
    }

    /// <summary>
    /// A worker is gone (its node is unreachable or left, or it stopped): every batch it holds is closed and the tasks
    /// without a result go back to the front of the queue, to the other workers (pull: they refill; push: dealt
    /// round-robin among the live workers). Results it sends later still count once. Nothing is sent when no
    /// worker is left; <see cref="HasLiveWorkers"/> tells.
    /// </summary>
    public IReadOnlyList<TaskBatch> WorkerLost(int workerId, TimeSpan now)
    {
        _commands.Clear();
        if ((uint)workerId >= (uint)_workers || _lost[workerId])
            return _commands;
        _lost[workerId] = true;
        for (var b = _firstOut; b < _batches.Count; b++)
        {
            var state = _batches[b];
            if (!state.Out || state.Batch.WorkerId != workerId)
                continue;
            Release(b);
            foreach (var task in state.Batch.Tasks)
            {
                // A task whose speculative copy is out with a live worker, or waits in the queue, is not queued again.
                if (!IsDone(task.TaskId) && (_copies.Length == 0 || (_copies[task.TaskId] == 0 && _queued[task.TaskId] == 0)))
                {
                    Requeue(task.TaskId);
                    Reissued++;
                }
            }
        }

        if (_mode == DispatchMode.Push && _pushNext[workerId] < _tasks.Count)
        {
            // Its share that was never dealt (none in the usual case: push deals everything at the start).
            for (var id = _pushNext[workerId]; id < _tasks.Count; id += _workers)
                Requeue(id);
            _pushNext[workerId] = _tasks.Count;
        }

        Redeal(now);
        return _commands;
    }

    /// <summary>True while some worker is not lost.</summary>
    public bool HasLiveWorkers => Array.IndexOf(_lost, false, 0, _workers) >= 0;

    private void Redeal(TimeSpan now)
    {
        if (_mode == DispatchMode.Pull)
        {
            for (var w = 0; w < _workers; w++)
            {
                if (!_lost[w])
                    Fill(w, now);
            }

            return;
        }

        var live = Enumerable.Range(0, _workers).Where(w => !_lost[w]).ToArray();
        if (live.Length == 0)
            return;
        var next = 0;
        var size = Math.Max(1, (_again.Count + (live.Length * BatchPolicy.PushBatchesPerWorker) - 1) / (live.Length * BatchPolicy.PushBatchesPerWorker));
        while (NextAgain() is { } id)
        {
            var w = live[next++ % live.Length];
            Take(id);
            for (var k = 1; k < size && NextAgain() is { } more; k++)
                Take(more);
            Emit(w, now);
        }
    }

    /// <summary>
    /// The clock moved on (the supervisor calls this every <see cref="SpeculationPolicy.CheckInterval"/>): with a
    /// speculation policy, silent workers' tasks are queued again and idle workers take them. Nothing otherwise.
    /// </summary>
    public IReadOnlyList<TaskBatch> Tick(TimeSpan now)
    {
        _commands.Clear();
        Speculate(now);
        return _commands;
    }

    /// <summary>
    /// Copies of what silent workers hold go to the front of the queue (once per task), and idle workers are refilled
    /// from it at once; busy ones take the copies with their next batch. A worker is silent when nothing came back from
    /// it for longer than the policy's bounds (see <see cref="SpeculationPolicy"/>).
    /// </summary>
    private void Speculate(TimeSpan now)
    {
        if (_speculation is not { } policy || _mode != DispatchMode.Pull || IsComplete)
            return;
        var copied = false;
        for (var w = 0; w < _workers; w++)
        {
            // Cheap tests first: usually nobody is silent, and no batch is scanned.
            if (_lost[w] || _outstanding[w] == 0 || _drained[w] || now - _heard[w] <= policy.MinSilence)
                continue;
            var silence = now - _heard[w];
            var held = 0;
            for (var b = _firstOut; b < _batches.Count; b++)
            {
                var state = _batches[b];
                if (state.Out && state.Batch.WorkerId == w)
                    held += state.Batch.Count;
            }

            if (silence <= TimeSpan.FromTicks((long)((_ticksPerTask ?? 0) * held * policy.Factor)))
                continue;
            for (var b = _firstOut; b < _batches.Count; b++)
            {
                var state = _batches[b];
                if (!state.Out || state.Batch.WorkerId != w)
                    continue;
                foreach (var task in state.Batch.Tasks)
                {
                    if (IsDone(task.TaskId) || _speculated[task.TaskId])
                        continue;
                    _speculated[task.TaskId] = true;
                    Speculated++;
                    Requeue(task.TaskId);
                    copied = true;
                }
            }

            _drained[w] = true; // until it is heard from or given more
        }

        if (!copied)
            return;
        for (var w = 0; w < _workers; w++)
        {
            if (!_lost[w] && _outstanding[w] == 0)
                Fill(w, now);
        }
    }

    /// <summary>Queues a task to hand out again, ahead of fresh ones.</summary>
    private void Requeue(int taskId)
    {
        _again.Enqueue(taskId);
        if (_queued.Length > 0)
            _queued[taskId]++;
    }

    private bool TryDequeueAgain(out int taskId)
    {
        if (!_again.TryDequeue(out taskId))
            return false;
        if (_queued.Length > 0)
            _queued[taskId]--;
        return true;
    }

    private int? NextAgain()
    {
        while (TryDequeueAgain(out var id))
        {
            if (!IsDone(id))
                return id;
        }

        return null;
    }

    private void Fill(int worker, TimeSpan now) => Fill(worker, now, _window);

    /// <summary>Sends the worker batches until it holds <paramref name="upTo"/> (at most the window) or nothing waits.</summary>
    private void Fill(int worker, TimeSpan now, int upTo)
    {
        if (_lost[worker])
            return;
        while (_outstanding[worker] < Math.Min(upTo, Window))
        {
            var size = PullBatchSize(Waiting);
            while (_scratchTasks.Count < size && NextWaiting() is { } id)
                Take(id);
            if (_scratchTasks.Count == 0)
                return;
            Emit(worker, now);
        }
    }

    /// <summary>
    /// The batches a worker may hold: 1 + prefetch, but only 1 at the job's tail (fewer batches waiting than all the
    /// windows hold). There a prefetched batch would wait behind its worker's current one while another worker sat idle
    /// (mandelbrot's heavy rows ended a job up to one task late); without it the tail costs one round trip per batch.
    /// With one worker nobody can sit idle, so its window stays whole (awaiting tasks, io, overlap in it).
    /// </summary>
    private int Window => _workers > 1 && Waiting < _workers * _window * PullBatchSize(Waiting) ? 1 : _window;

    /// <summary>Tasks not yet handed out, plus those to hand out again (an upper bound: some of those may be done).</summary>
    private int Waiting => _tasks.Count - _nextFresh + _again.Count;

    private int? NextWaiting() => NextAgain() ?? (_nextFresh < _tasks.Count ? _nextFresh++ : null);

    private void Take(int taskId)
    {
        _scratchTasks.Add(_tasks[taskId]);
        _scratchAttempts.Add(_failures[taskId]);
    }

    private void Heard(int worker, TimeSpan now)
    {
        if ((uint)worker < (uint)_workers)
            (_heard[worker], _drained[worker]) = (now, false);
    }

    private void Emit(int worker, TimeSpan now)
    {
        if (_outstanding[worker] == 0)
            _heard[worker] = now;
        _drained[worker] = false;
        if (_copies.Length > 0)
        {
            foreach (var task in _scratchTasks)
                _copies[task.TaskId]++;
        }
        var batch = new TaskBatch(_batches.Count, worker, [.. _scratchTasks], [.. _scratchAttempts]);
        _scratchTasks.Clear();
        _scratchAttempts.Clear();
        _batches.Add(new BatchState(batch, now, Out: true));
        _outstanding[worker]++;
        _commands.Add(batch);
    }

    /// <summary>Marks batch <paramref name="batchId"/> no longer out: its worker holds one batch less, its tasks one copy less.</summary>
    private void Release(int batchId)
    {
        var state = _batches[batchId];
        _batches[batchId] = state with { Out = false };
        _outstanding[state.Batch.WorkerId]--;
        if (_copies.Length > 0)
        {
            foreach (var task in state.Batch.Tasks)
                _copies[task.TaskId]--;
        }
        while (_firstOut < _batches.Count && !_batches[_firstOut].Out)
            _firstOut++;
    }

    /// <summary>The results array seen as a list without copying it (every entry is set once the ledger is complete).</summary>
    private sealed class ResultList(TaskResult?[] results) : IReadOnlyList<TaskResult>
    {
        public int Count => results.Length;

        public TaskResult this[int index] => results[index]!;

        public IEnumerator<TaskResult> GetEnumerator()
        {
            foreach (var r in results)
                yield return r!;
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private readonly record struct BatchState(TaskBatch Batch, TimeSpan SentAt, bool Out);
}
