using ActorParallel.Actor;
using ActorParallel.Simulation.Metrics;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// Wraps a <see cref="MetricsAggregator"/> and a <see cref="SimulationMeter"/>: folds the events the
/// supervisor sends, publishes a <see cref="MetricsSnapshot"/> on the event stream every
/// <c>progress-interval</c>, and answers the client with the final <see cref="JobOutcome"/>. Because the
/// supervisor sends both the events and <see cref="CompleteJob"/>, the report sees every event.
/// </summary>
public sealed class MetricsActor : ReceiveActor, IDisposable
{
    private readonly MetricsAggregator _aggregator = new();
    private readonly SimulationMeter _meter = new();
    private readonly Cancelable _progress;

    public MetricsActor(TimeSpan progressInterval)
    {
        _progress = new Cancelable(Context.System.Scheduler);
        Receive<MetricsEvent>(e =>
        {
            _aggregator.Apply(e);
            _meter.Record(e, _aggregator.Workload);
        });
        Receive<GetSnapshot>(_ => Sender.Tell(_aggregator.Snapshot()));
        Receive<PublishProgress>(_ =>
        {
            if (_aggregator.Started)
                Context.System.EventStream.Publish(_aggregator.Snapshot());
        });
        Receive<CompleteJob>(c =>
        {
            _progress.Cancel();
            c.Client.Tell(new JobOutcome(c.Answer, c.Error, _aggregator.Report()), Self);
        });
        if (progressInterval > TimeSpan.Zero)
            Context.System.Scheduler.ScheduleTellRepeatedly(progressInterval, progressInterval, Self, PublishProgress.Instance, Self, _progress);
    }

    protected override void PostStop()
    {
        Dispose();
        base.PostStop();
    }

    public void Dispose()
    {
        _progress.Cancel();
        _progress.Dispose();
        _meter.Dispose();
    }
}
