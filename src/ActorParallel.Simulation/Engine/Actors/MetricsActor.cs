using Akka.Actor;
using ActorParallel.Simulation.Metrics;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// Wraps a <see cref="MetricsAggregator"/> and a <see cref="SimulationMeter"/>: folds the events the
/// supervisor sends, publishes a <see cref="MetricsSnapshot"/> on the event stream every
/// <c>progress-interval</c>, and answers the client with the final <see cref="JobOutcome"/>. Because the
/// supervisor sends both the events and <see cref="CompleteJob"/>, the report sees every event.
/// </summary>
public sealed class MetricsActor : ReceiveActor, IWithTimers, IDisposable
{
    private readonly MetricsAggregator _aggregator = new();
    private readonly SimulationMeter _meter = new();

    public MetricsActor(TimeSpan progressInterval)
    {
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
            Timers.Cancel(PublishProgress.Instance);
            c.Client.Tell(new JobOutcome(c.Answer, c.Error, _aggregator.Report()), Self);
        });
        _progressInterval = progressInterval;
    }

    private readonly TimeSpan _progressInterval;

    /// <summary>The actor's timers (Akka.NET cancels them when the actor stops).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        if (_progressInterval > TimeSpan.Zero)
            Timers.StartPeriodicTimer(PublishProgress.Instance, PublishProgress.Instance, _progressInterval);
        base.PreStart();
    }

    protected override void PostStop()
    {
        Dispose();
        base.PostStop();
    }

    public void Dispose()
    {
        _meter.Dispose();
    }
}
