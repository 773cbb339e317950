using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine;

/// <summary>A task to send to a worker now.</summary>
public readonly record struct Assignment(int WorkerId, int Attempt, WorkTask Task);

/// <summary>
/// The supervisor's bookkeeping, free of actors so it can be tested alone: which tasks wait, which
/// worker holds which task, how often each was tried, and the results (each counted once). In pull
/// mode a worker holds at most 1 + prefetch tasks and gets more as it finishes; in push mode every
/// task is dealt round-robin up front. Owned by one supervisor actor, so single-threaded.
/// </summary>
public sealed class TaskLedger
{
    private readonly IReadOnlyList<WorkTask> _tasks;
    private readonly int _workers;
    private readonly DispatchMode _mode;
    private readonly int _window;
    private readonly int _maxRetries;

    // Tasks not yet handed out (pull mode); retries go to the front so they finish early.
    private readonly LinkedList<int> _waiting = new();

    // Task id -> (worker holding it, attempt number) while it is out.
    private readonly Dictionary<int, (int Worker, int Attempt)> _out = [];

    private readonly int[] _outstanding;
    private readonly int[] _attempts;
    private readonly TaskResult?[] _results;
    private int _completed;

    public TaskLedger(IReadOnlyList<WorkTask> tasks, int workers, DispatchMode mode, int prefetch, int maxRetries)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(prefetch);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        (_tasks, _workers, _mode, _window, _maxRetries) = (tasks, workers, mode, 1 + prefetch, maxRetries);
        _outstanding = new int[workers];
        _attempts = new int[tasks.Count];
        _results = new TaskResult?[tasks.Count];
        foreach (var t in tasks)
            _waiting.AddLast(t.TaskId);
    }

    public int Total => _tasks.Count;

    public int Completed => _completed;

    public bool IsComplete => _completed == _tasks.Count;

    /// <summary>Set when a task has failed more than the allowed retries; the job fails with this message.</summary>
    public string? FatalError { get; private set; }

    /// <summary>The first assignments of the job: everything in push mode, a full window per worker in pull mode.</summary>
    public IReadOnlyList<Assignment> Start()
    {
        var assignments = new List<Assignment>();
        if (_mode == DispatchMode.Push)
        {
            while (_waiting.First is { } node)
            {
                _waiting.RemoveFirst();
                assignments.Add(Give(node.Value, node.Value % _workers));
            }
        }
        else
        {
            for (var w = 0; w < _workers; w++)
                assignments.AddRange(Fill(w));
        }

        return assignments;
    }

    /// <summary>
    /// Records a result. Returns false for a duplicate (a retried task whose first attempt also
    /// finished) or a stale attempt, which must not be counted. <paramref name="next"/> receives
    /// the worker's next assignments (pull mode).
    /// </summary>
    public bool Complete(int workerId, int attempt, TaskResult result, out IReadOnlyList<Assignment> next)
    {
        ArgumentNullException.ThrowIfNull(result);
        var id = result.TaskId;
        if (_out.TryGetValue(id, out var holder) && holder.Worker == workerId && holder.Attempt == attempt)
        {
            _out.Remove(id);
            _outstanding[workerId]--;
        }

        var fresh = id >= 0 && id < _results.Length && _results[id] is null;
        if (fresh)
        {
            _results[id] = result;
            _completed++;
            _waiting.Remove(id);
        }

        next = _mode == DispatchMode.Pull ? Fill(workerId) : [];
        return fresh;
    }

    /// <summary>
    /// A worker threw on a task (and is being restarted). Returns the retry to send, or nothing
    /// when the task is already done or its retries are used up (then <see cref="FatalError"/> is set).
    /// </summary>
    public IReadOnlyList<Assignment> Fail(int workerId, int taskId, int attempt, string error)
    {
        if (!_out.TryGetValue(taskId, out var holder) || holder.Worker != workerId || holder.Attempt != attempt)
            return [];
        _out.Remove(taskId);
        _outstanding[workerId]--;
        if (_results[taskId] is not null)
            return [];
        if (attempt >= _maxRetries)
        {
            FatalError ??= $"task {taskId} failed {attempt + 1} times (task-retries = {_maxRetries}); last error: {error}";
            return [];
        }

        if (_mode == DispatchMode.Push)
            return [Give(taskId, workerId)];
        _waiting.AddFirst(taskId);
        return Fill(workerId);
    }

    /// <summary>The results in task-id order; only when <see cref="IsComplete"/>.</summary>
    public IReadOnlyList<TaskResult> Results() => IsComplete
        ? [.. _results.Select(r => r!)]
        : throw new InvalidOperationException($"only {_completed} of {Total} tasks are complete");

    public int Attempts(int taskId) => _attempts[taskId];

    private List<Assignment> Fill(int worker)
    {
        var assignments = new List<Assignment>();
        while (_outstanding[worker] < _window && _waiting.First is { } node)
        {
            _waiting.RemoveFirst();
            assignments.Add(Give(node.Value, worker));
        }

        return assignments;
    }

    private Assignment Give(int taskId, int worker)
    {
        var attempt = _attempts[taskId]++;
        _out[taskId] = (worker, attempt);
        _outstanding[worker]++;
        return new Assignment(worker, attempt, _tasks[taskId]);
    }
}
