namespace ActorParallel.Simulation.Metrics;

/// <summary>
/// Folds <see cref="MetricsEvent"/>s into snapshots and a final <see cref="JobMetrics"/>. Pure and
/// single-threaded by design: the metrics actor owns one and feeds it from its mailbox, tests feed
/// it hand-made events. Times come from the events, never from a clock. Every event costs O(1) (a
/// <see cref="MetricsBatch"/> O(1) per task in it) and allocates nothing once the job's arrays are sized at
/// <see cref="JobStarted"/>.
/// </summary>
public sealed class MetricsAggregator
{
    private readonly Dictionary<int, TimeSpan> _lastDispatch = [];
    private readonly Dictionary<int, (int Tasks, TimeSpan Busy)> _workers = [];
    private readonly List<double> _latencyMs = [];
    private readonly List<double> _durationMs = [];
    private readonly List<double> _queueWaitMs = [];

    // Task ids done so far (a retried task may complete twice: count it once); grown if a peer's id is past the end.
    private bool[] _done = [];
    private int _doneCount;
    private TimeSpan _start;
    private TimeSpan? _end;
    private TimeSpan _last;
    private int _failed;
    private int _dispatches;
    private long _messages;
    private long _bytes;
    private bool _succeeded;
    private int _reissued;
    private int _speculated;
    private int _duplicates;
    private TimeSpan[] _waited = [];
    private NodeTraffic[] _nodes = [];

    public string Workload { get; private set; } = "";

    public int Workers { get; private set; }

    public int TasksTotal { get; private set; }

    /// <summary>True once <see cref="JobStarted"/> has been applied.</summary>
    public bool Started { get; private set; }

    public void Apply(MetricsEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        _last = e.At > _last ? e.At : _last;
        switch (e)
        {
            case JobStarted s:
                (_start, Workload, Workers, TasksTotal, Started) = (s.At, s.Workload, s.Workers, s.Tasks, true);
                for (var w = 0; w < s.Workers; w++)
                    _workers.TryAdd(w, (0, TimeSpan.Zero));
                Array.Resize(ref _done, Math.Max(_done.Length, s.Tasks));
                _latencyMs.EnsureCapacity(s.Tasks);
                _durationMs.EnsureCapacity(s.Tasks);
                _queueWaitMs.EnsureCapacity(s.Tasks);
                break;
            case MetricsBatch b:
                ApplyBatch(b);
                break;
            case LedgerSummary l:
                (_reissued, _duplicates, _speculated) = (l.Reissued, l.DuplicatesDropped, l.Speculated);
                break;
            case WorkerWaits w:
                _waited = w.Waited;
                break;
            case NodeSummary n:
                _nodes = n.Nodes;
                break;
            case JobFinished f:
                (_end, _succeeded) = (f.At, f.Succeeded);
                break;
            case TaskDispatched d:
                _dispatches++;
                _lastDispatch[d.TaskId] = d.At;
                break;
            case TaskStarted st:
                if (_lastDispatch.TryGetValue(st.TaskId, out var sent) && !IsDone(st.TaskId))
                    _queueWaitMs.Add(Math.Max(0, (st.At - sent).TotalMilliseconds));
                break;
            case TaskCompleted c:
                Complete(c);
                break;
            case TaskFailed:
                _failed++;
                break;
            case MessageSent m:
                _messages += m.Count;
                _bytes += m.Bytes;
                break;
        }
    }

    public MetricsSnapshot Snapshot()
    {
        var elapsed = (_end ?? _last) - _start;
        return new MetricsSnapshot(elapsed, _doneCount, TasksTotal, _failed, _messages, _bytes, PerSecond(_doneCount, elapsed));
    }

    /// <summary>The final report; speedup needs the serial time and/or the W = 1 time of the same job.</summary>
    public JobMetrics Report(TimeSpan? serial = null, TimeSpan? oneWorker = null)
    {
        var wall = (_end ?? _last) - _start;
        var perWorker = _workers.OrderBy(w => w.Key)
            .Select(w => new WorkerMetrics(w.Key, w.Value.Tasks, w.Value.Busy, wall > TimeSpan.Zero ? w.Value.Busy / wall : 0)
            {
                Waited = (uint)w.Key < (uint)_waited.Length ? _waited[w.Key] : TimeSpan.Zero,
            })
            .ToArray();
        var meanBusy = perWorker.Length == 0 ? 0 : perWorker.Average(w => w.Busy.TotalMilliseconds);
        var imbalance = meanBusy > 0 ? perWorker.Max(w => w.Busy.TotalMilliseconds) / meanBusy : 1;
        return new JobMetrics(
            Workload,
            Workers,
            _succeeded,
            wall,
            _doneCount,
            _failed,
            _dispatches,
            PerSecond(_doneCount, wall),
            _messages,
            _bytes,
            PerSecond(_messages, wall),
            Percentile.SortAndTake(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_latencyMs)),
            Percentile.SortAndTake(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_durationMs)),
            Percentile.SortAndTake(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_queueWaitMs)),
            perWorker,
            imbalance,
            perWorker.Length == 0 ? 0 : perWorker.Average(w => w.Utilisation),
            Scaling.Compute(Workers, wall, serial, oneWorker))
        {
            Reissued = _reissued,
            Speculated = _speculated,
            DuplicatesDropped = _duplicates,
            PerNode = [.. _nodes.Select(n => PerNode(n, perWorker))],
        };
    }

    private static NodeMetrics PerNode(NodeTraffic node, WorkerMetrics[] perWorker)
    {
        var mine = perWorker.Where(w => node.WorkerIds.Contains(w.WorkerId)).ToArray();
        return new NodeMetrics(
            node.Node,
            node.WorkerIds.Length,
            mine.Sum(w => w.Tasks),
            TimeSpan.FromTicks(mine.Sum(w => w.Busy.Ticks)),
            TimeSpan.FromTicks(mine.Sum(w => w.Waited.Ticks)),
            node.BytesOut,
            node.BytesIn);
    }

    private bool IsDone(int taskId) => (uint)taskId < (uint)_done.Length && _done[taskId];

    /// <summary>Marks a task done; false if it already was.</summary>
    private bool MarkDone(int taskId)
    {
        if (taskId < 0)
            return false;
        if (taskId >= _done.Length)
            Array.Resize(ref _done, Math.Max(taskId + 1, _done.Length * 2));
        if (_done[taskId])
            return false;
        _done[taskId] = true;
        _doneCount++;
        return true;
    }

    private void ApplyBatch(MetricsBatch b)
    {
        _dispatches += b.Dispatches;
        _failed += b.Failures;
        _messages += b.Messages;
        _bytes += b.Bytes;
        foreach (var r in b.Completed)
        {
            if (!MarkDone(r.TaskId))
                continue;
            var (tasks, busy) = _workers.GetValueOrDefault(r.WorkerId);
            _workers[r.WorkerId] = (tasks + 1, busy + r.Duration);
            _durationMs.Add(r.Duration.TotalMilliseconds);
            _latencyMs.Add(TimeSpan.FromTicks(r.CompletedTicks - r.DispatchedTicks).TotalMilliseconds);
            _queueWaitMs.Add(Math.Max(0, TimeSpan.FromTicks(r.StartedTicks - r.DispatchedTicks).TotalMilliseconds));
        }
    }

    private void Complete(TaskCompleted c)
    {
        // A retried task can complete twice (the first worker was slow, not dead): count it once.
        if (!MarkDone(c.TaskId))
            return;
        var (tasks, busy) = _workers.GetValueOrDefault(c.WorkerId);
        _workers[c.WorkerId] = (tasks + 1, busy + c.Duration);
        _durationMs.Add(c.Duration.TotalMilliseconds);
        if (_lastDispatch.TryGetValue(c.TaskId, out var dispatched))
            _latencyMs.Add((c.At - dispatched).TotalMilliseconds);
    }

    private static double PerSecond(long count, TimeSpan elapsed) => elapsed > TimeSpan.Zero ? count / elapsed.TotalSeconds : 0;
}
