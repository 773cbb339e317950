// An Akka.NET-style spec that drives actor timers with the virtual-time TestScheduler.
using ActorParallel.Actor;
using ActorParallel.TestKit;

namespace ActorParallel.TestKit.Tests.Ported;

public sealed class Beat
{
    public static readonly Beat Instance = new();

    private Beat()
    {
    }
}

public sealed record Missed(int Count);

/// <summary>Expects a Beat every second; reports each silent second to its monitor.</summary>
public sealed class HeartbeatMonitor : ReceiveActor, IWithTimers
{
    private sealed class Check
    {
        public static readonly Check Instance = new();
    }

    private int _missed;
    private bool _beaten;

    public HeartbeatMonitor(IActorRef monitor)
    {
        Receive<Beat>(_ => _beaten = true);
        Receive<Check>(_ =>
        {
            if (!_beaten)
            {
                monitor.Tell(new Missed(++_missed));
            }

            _beaten = false;
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Timers.StartPeriodicTimer("check", Check.Instance, TimeSpan.FromSeconds(1));
}

public class HeartbeatSpec : TestKit.Xunit2.TestKit
{
    public HeartbeatSpec()
        : base(@"actorparallel.scheduler.implementation = ""ActorParallel.TestKit.TestScheduler, ActorParallel.TestKit""")
    {
    }

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    [Fact]
    public async Task Silent_seconds_are_reported_and_beats_reset_the_check()
    {
        var monitor = CreateTestProbe();
        var heartbeat = Sys.ActorOf(Props.Create(() => new HeartbeatMonitor(monitor.Ref)));
        await AwaitConditionAsync(() => Scheduler.PendingCount == 1, TimeSpan.FromSeconds(10));

        Scheduler.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await monitor.ExpectMsgAsync<Missed>()).Count);

        // The timer's Check is told after the Beat, into the same mailbox: the Beat is seen first.
        heartbeat.Tell(Beat.Instance);
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        await monitor.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        Scheduler.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await monitor.ExpectMsgAsync<Missed>()).Count);
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, (await monitor.ExpectMsgAsync<Missed>()).Count);
    }
}
