namespace ActorParallel.Simulation.Metrics;

/// <summary>
/// Folds <see cref="MetricsEvent"/>s into snapshots and a final <see cref="JobMetrics"/>. Pure and
/// single-threaded by design: the metrics actor owns one and feeds it from its mailbox, tests feed
/// it hand-made events. Times come from the events, never from a clock.
/// </summary>
public sealed class MetricsAggregator
{
    private readonly Dictionary<int, TimeSpan> _lastDispatch = [];
    private readonly Dictionary<int, (int Tasks, TimeSpan Busy)> _workers = [];
    private readonly HashSet<int> _completed = [];
    private readonly List<double> _latencyMs = [];
    private readonly List<double> _durationMs = [];
    private readonly List<double> _queueWaitMs = [];
    private TimeSpan _start;
    private TimeSpan? _end;
    private TimeSpan _last;
    private int _failed;
    private int _dispatches;
    private long _messages;
    private long _bytes;
    private bool _succeeded;

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
                break;
            case JobFinished f:
                (_end, _succeeded) = (f.At, f.Succeeded);
                break;
            case TaskDispatched d:
                _dispatches++;
                _lastDispatch[d.TaskId] = d.At;
                break;
            case TaskStarted st:
                if (_lastDispatch.TryGetValue(st.TaskId, out var sent) && !_completed.Contains(st.TaskId))
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
        return new MetricsSnapshot(elapsed, _completed.Count, TasksTotal, _failed, _messages, _bytes, PerSecond(_completed.Count, elapsed));
    }

    /// <summary>The final report; speedup needs the serial time and/or the W = 1 time of the same job.</summary>
    public JobMetrics Report(TimeSpan? serial = null, TimeSpan? oneWorker = null)
    {
        var wall = (_end ?? _last) - _start;
        var perWorker = _workers.OrderBy(w => w.Key)
            .Select(w => new WorkerMetrics(w.Key, w.Value.Tasks, w.Value.Busy, wall > TimeSpan.Zero ? w.Value.Busy / wall : 0))
            .ToArray();
        var meanBusy = perWorker.Length == 0 ? 0 : perWorker.Average(w => w.Busy.TotalMilliseconds);
        var imbalance = meanBusy > 0 ? perWorker.Max(w => w.Busy.TotalMilliseconds) / meanBusy : 1;
        return new JobMetrics(
            Workload,
            Workers,
            _succeeded,
            wall,
            _completed.Count,
            _failed,
            _dispatches,
            PerSecond(_completed.Count, wall),
            _messages,
            _bytes,
            PerSecond(_messages, wall),
            Percentile.Of(_latencyMs),
            Percentile.Of(_durationMs),
            Percentile.Of(_queueWaitMs),
            perWorker,
            imbalance,
            perWorker.Length == 0 ? 0 : perWorker.Average(w => w.Utilisation),
            Scaling.Compute(Workers, wall, serial, oneWorker));
    }

    private void Complete(TaskCompleted c)
    {
        // A retried task can complete twice (the first worker was slow, not dead): count it once.
        if (!_completed.Add(c.TaskId))
            return;
        var (tasks, busy) = _workers.GetValueOrDefault(c.WorkerId);
        _workers[c.WorkerId] = (tasks + 1, busy + c.Duration);
        _durationMs.Add(c.Duration.TotalMilliseconds);
        if (_lastDispatch.TryGetValue(c.TaskId, out var dispatched))
            _latencyMs.Add((c.At - dispatched).TotalMilliseconds);
    }

    private static double PerSecond(long count, TimeSpan elapsed) => elapsed > TimeSpan.Zero ? count / elapsed.TotalSeconds : 0;
}
