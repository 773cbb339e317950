using System.Diagnostics.Metrics;

namespace ActorParallel.Simulation.Metrics;

/// <summary>
/// The lab's instruments on a <see cref="Meter"/> named <c>ActorParallel.Simulation</c>, so a run can be
/// watched with <c>dotnet-counters monitor --counters ActorParallel.Simulation -n ...</c>. One instance
/// per metrics actor (no static state); instruments with the same meter name aggregate in listeners.
/// </summary>
public sealed class SimulationMeter : IDisposable
{
    public const string MeterName = "ActorParallel.Simulation";

    private readonly Meter _meter;
    private readonly Counter<long> _tasksCompleted;
    private readonly Counter<long> _tasksFailed;
    private readonly Histogram<double> _taskDuration;
    private readonly Counter<long> _messages;
    private readonly Counter<long> _bytes;

    public SimulationMeter(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _tasksCompleted = _meter.CreateCounter<long>("actorparallel.simulation.tasks.completed", "{task}", "Tasks completed");
        _tasksFailed = _meter.CreateCounter<long>("actorparallel.simulation.tasks.failed", "{task}", "Task attempts that threw");
        _taskDuration = _meter.CreateHistogram<double>("actorparallel.simulation.task.duration", "ms", "Time a worker spent on one task");
        _messages = _meter.CreateCounter<long>("actorparallel.simulation.messages", "{message}", "Messages between actors");
        _bytes = _meter.CreateCounter<long>("actorparallel.simulation.message.bytes", "By", "Estimated bytes of messages between actors");
    }

    /// <summary>Records the instrument side of an event (the aggregator handles the rest).</summary>
    public void Record(MetricsEvent e, string workload)
    {
        var tag = new KeyValuePair<string, object?>("workload", workload);
        switch (e)
        {
            case TaskCompleted c:
                _tasksCompleted.Add(1, tag);
                _taskDuration.Record(c.Duration.TotalMilliseconds, tag);
                break;
            case TaskFailed:
                _tasksFailed.Add(1, tag);
                break;
            case MessageSent m:
                _messages.Add(m.Count, tag);
                _bytes.Add(m.Bytes, tag);
                break;
            case MetricsBatch b:
                _tasksCompleted.Add(b.Completed.Length, tag);
                if (_taskDuration.Enabled)
                {
                    foreach (var r in b.Completed)
                        _taskDuration.Record(r.Duration.TotalMilliseconds, tag);
                }

                if (b.Failures > 0)
                    _tasksFailed.Add(b.Failures, tag);
                _messages.Add(b.Messages, tag);
                _bytes.Add(b.Bytes, tag);
                break;
        }
    }

    public void Dispose() => _meter.Dispose();
}
