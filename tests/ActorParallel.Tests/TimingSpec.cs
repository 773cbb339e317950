using ActorParallel.Actor;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public sealed class TimingSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void ReceiveTimeout_arrives_after_idleness_and_can_be_switched_off()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Idler(TestActor)));
        ExpectMsg<ReceiveTimeout>(TimeSpan.FromSeconds(5));
        actor.Tell("off");
        // The 50 ms timeout repeats, so more ReceiveTimeouts may be on their way before "off" is processed.
        FishForMessage(message => message is ReceiveTimeout ? false : Assert.IsType<string>(message) == "off", TimeSpan.FromSeconds(5));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void ScheduleTellOnce_delivers_once()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(20), TestActor, "once", ActorRefs.NoSender);
        ExpectMsg("once");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void ScheduleTellRepeatedly_repeats_until_cancelled()
    {
        var cancelable = Sys.Scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TestActor, "tick", ActorRefs.NoSender);
        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectMsg("tick");
        cancelable.Cancel();
        Assert.True(cancelable.IsCancellationRequested);
        // At most one tick may already be in flight when cancelling.
        ReceiveOne(TimeSpan.FromMilliseconds(100));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Advanced_scheduler_runs_actions()
    {
        var probe = CreateTestProbe();
        Sys.Scheduler.Advanced.ScheduleOnce(TimeSpan.FromMilliseconds(10), () => probe.Ref.Tell("ran", ActorRefs.NoSender));
        probe.ExpectMsg("ran");
        var cancelled = Sys.Scheduler.Advanced.ScheduleOnceCancelable(TimeSpan.FromMilliseconds(100), () => probe.Ref.Tell("should not run", ActorRefs.NoSender));
        cancelled.Cancel();
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Timers_single_periodic_replace_and_cancel()
    {
        var fired = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerUser(fired.Ref)));
        actor.Tell("single");
        fired.ExpectMsg("fired:single");
        actor.Tell("periodic");
        fired.ExpectMsg("fired:periodic");
        fired.ExpectMsg("fired:periodic");
        actor.Tell("active?");
        ExpectMsg(true);
        actor.Tell("cancel");
        ExpectMsg("cancelled");
        actor.Tell("active?");
        ExpectMsg(false);
        // Ticks sent before the cancel may still be queued at the probe; none may follow them.
        var stale = 0;
        while (fired.ReceiveOne(TimeSpan.FromMilliseconds(200)) is not null)
        {
            Assert.True(++stale < 50, "ticks continued after the timer was cancelled");
        }
    }

    [Fact]
    public void Timers_are_cancelled_when_the_actor_restarts()
    {
        var fired = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerUser(fired.Ref)));
        actor.Tell("slow");
        actor.Tell(new InvalidOperationException("restart"));
        actor.Tell("active?");
        ExpectMsg(false);
        fired.ExpectNoMsg(TimeSpan.FromMilliseconds(700));
    }

    private sealed class Idler : ReceiveActor
    {
        public Idler(IActorRef probe)
        {
            SetReceiveTimeout(TimeSpan.FromMilliseconds(50));
            Receive<ReceiveTimeout>(t => probe.Tell(t));
            Receive<string>(s =>
            {
                SetReceiveTimeout(null);
                Sender.Tell(s);
            });
        }
    }

    private sealed class TimerUser : ReceiveActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        public TimerUser(IActorRef probe)
        {
            Receive<string>(s => s == "single", _ => Timers.StartSingleTimer("k", "fired:single", TimeSpan.FromMilliseconds(10)));
            Receive<string>(s => s == "periodic", _ => Timers.StartPeriodicTimer("k", "fired:periodic", TimeSpan.FromMilliseconds(20)));
            Receive<string>(s => s == "slow", _ => Timers.StartSingleTimer("k", "fired:slow", TimeSpan.FromMilliseconds(300)));
            Receive<string>(s => s == "active?", _ => Sender.Tell(Timers.IsTimerActive("k")));
            Receive<string>(s => s == "cancel", _ =>
            {
                Timers.Cancel("k");
                Sender.Tell("cancelled");
            });
            Receive<string>(s => s.StartsWith("fired:", StringComparison.Ordinal), s => probe.Tell(s));
            Receive<Exception>(e => throw e);
        }
    }
}
