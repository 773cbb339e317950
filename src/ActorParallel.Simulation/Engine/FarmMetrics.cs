using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine;

/// <summary>
/// What a task farm's supervisor measures, collected where it happens and shipped as one
/// <see cref="MetricsBatch"/> every <see cref="FlushEvery"/> tasks or <see cref="FlushInterval"/>, instead of a
/// message per event. For each fresh result it derives when the worker started and finished the task from the
/// batch's arrival and the busy times the worker reported (a batch's tasks ran back to back, the last one ending
/// when the batch arrived). Pure: the caller passes the job clock's time in; single-threaded.
/// </summary>
public sealed class FarmMetrics(ITaskFarmWorkload workload, int tasks)
{
    /// <summary>Bytes of a task or result envelope beyond its payload (ids, attempt).</summary>
    public const int EnvelopeBytes = 32;

    /// <summary>Completed tasks that make a batch worth sending.</summary>
    public const int FlushEvery = 512;

    /// <summary>The longest the metrics actor waits for news while tasks complete (its progress stays current).</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    // Records go straight into the array the next MetricsBatch carries (no list, no copy when it is full).
    private TaskRecord[] _completed = new TaskRecord[Math.Clamp(tasks, 1, FlushEvery)];
    private int _count;
    private int _recorded;
    private int _dispatches;
    private int _failures;
    private long _messages;
    private long _bytes;
    private TimeSpan _lastFlush;
    private long[] _waitedTicks = [];

    /// <summary>Nothing is waiting to be shipped.</summary>
    public bool IsEmpty => _count == 0 && _dispatches == 0 && _failures == 0 && _messages == 0;

    /// <summary>A batch was sent to a worker: one message, its tasks dispatched.</summary>
    public void Sent(TaskBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _dispatches += batch.Count;
        _messages++;
        _bytes += EnvelopeBytes;
        foreach (var task in batch.Tasks)
            _bytes += workload.EstimateBytes(task.Payload);
    }

    /// <summary>
    /// A batch came back (whole, or the finished part of a failed one). Call before the ledger sees it: results
    /// for tasks the ledger already has are duplicates and are not recorded.
    /// </summary>
    public void Returned(TaskLedger ledger, int workerId, int batchId, TaskResult[] results, TimeSpan[] durations, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(durations);
        _messages++;
        _bytes += EnvelopeBytes;
        var sent = (uint)batchId < (uint)ledger.Batches ? ledger.SentAt(batchId).Ticks : now.Ticks;
        var busy = 0L;
        foreach (var d in durations)
            busy += d.Ticks;
        if (workerId >= 0)
        {
            if (workerId >= _waitedTicks.Length)
                Array.Resize(ref _waitedTicks, Math.Max(workerId + 1, _waitedTicks.Length * 2));
            _waitedTicks[workerId] += Math.Max(0, now.Ticks - sent - busy);
        }

        if (_count + results.Length > _completed.Length)
            Array.Resize(ref _completed, _count + results.Length); // exactly: a batch larger than FlushEvery is shipped as it is
        var end = now.Ticks;
        for (var i = results.Length - 1; i >= 0; i--)
        {
            var r = results[i];
            _bytes += workload.EstimateBytes(r.Output);
            var duration = i < durations.Length ? durations[i].Ticks : 0;
            var start = Math.Max(sent, end - duration);
            if (!ledger.IsDone(r.TaskId))
                Add(new TaskRecord(r.TaskId, workerId, sent, start, Math.Max(start, end)));
            end = start;
        }
    }

    /// <summary>A task attempt threw.</summary>
    public void Failed() => _failures++;

    /// <summary>Each worker's batch round trips beyond their compute so far, by worker id (see <see cref="WorkerWaits"/>).</summary>
    public WorkerWaits Waits(TimeSpan now) => new(now, [.. _waitedTicks.Select(TimeSpan.FromTicks)]);

    public bool ShouldFlush(TimeSpan now, bool force) =>
        !IsEmpty && (force || _count >= FlushEvery || now - _lastFlush >= FlushInterval);

    /// <summary>Everything collected since the last flush, as one message; starts collecting anew.</summary>
    public MetricsBatch Flush(TimeSpan now)
    {
        var completed = _count == _completed.Length ? _completed : _completed[.._count];
        var batch = new MetricsBatch(now, completed, _dispatches, _failures, _messages, _bytes);
        _completed = new TaskRecord[Math.Clamp(tasks - _recorded, 1, FlushEvery)];
        (_count, _dispatches, _failures, _messages, _bytes, _lastFlush) = (0, 0, 0, 0, 0, now);
        return batch;
    }

    private void Add(TaskRecord record)
    {
        _completed[_count++] = record;
        _recorded++;
    }
}
