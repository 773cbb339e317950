using ActorParallel.Actor;

namespace ActorParallel.TestKit.Tests;

public sealed class TestSchedulerSpec() : Xunit2.TestKit(@"actorparallel.scheduler.implementation = ""ActorParallel.TestKit.TestScheduler, ActorParallel.TestKit""")
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    /// <summary>Ticks every second once started; stops on "stop".</summary>
    private sealed class Ticker : ReceiveActor, IWithTimers
    {
        public Ticker(IActorRef target)
        {
            Receive<string>(s => s == "start", _ => Timers.StartPeriodicTimer("tick", "tick", TimeSpan.FromSeconds(1)));
            Receive<string>(s => s == "once", _ => Timers.StartSingleTimer("once", "fired", TimeSpan.FromSeconds(5)));
            Receive<string>(s => s == "stop", _ =>
            {
                Timers.CancelAll();
                Sender.Tell("stopped", Self);
            });
            Receive<string>(s => s == "tick" || s == "fired", s => target.Tell(s, Self));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    [Fact]
    public void The_configured_scheduler_is_the_TestScheduler()
    {
        Assert.IsType<TestScheduler>(Sys.Scheduler);
    }

    [Fact]
    public void Nothing_fires_until_time_is_advanced()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(10), TestActor, "late", ActorRefs.NoSender);
        ExpectNoMsg(Quiet);
        Scheduler.Advance(TimeSpan.FromSeconds(9));
        ExpectNoMsg(Quiet);
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("late");
    }

    [Fact]
    public void Advance_runs_due_items_once_in_time_order_and_reschedules_repeats_from_the_new_time()
    {
        var start = Scheduler.Now;
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(3), TestActor, "three", ActorRefs.NoSender);
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "one", ActorRefs.NoSender);
        Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TestActor, "every-two", ActorRefs.NoSender);
        Scheduler.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(["one", "every-two", "three"], ReceiveN(3));
        ExpectNoMsg(Quiet);
        Assert.Equal(start + TimeSpan.FromSeconds(6), Scheduler.Now);
        Assert.Equal(TimeSpan.FromSeconds(6), Scheduler.MonotonicClock);
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        ExpectNoMsg(Quiet);
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("every-two");
    }

    [Fact]
    public void AdvanceTo_moves_the_clock_to_a_point_in_time()
    {
        var start = Scheduler.Now;
        Sys.Scheduler.Advanced.ScheduleOnce(TimeSpan.FromMinutes(1), () => TestActor.Tell("action"));
        Scheduler.AdvanceTo(start + TimeSpan.FromMinutes(2));
        ExpectMsg("action");
        Assert.Equal(start + TimeSpan.FromMinutes(2), Scheduler.Now);
        Assert.Throws<InvalidOperationException>(() => Scheduler.AdvanceTo(start));
        Assert.Equal(start + TimeSpan.FromMinutes(2), Scheduler.Now);
    }

    [Fact]
    public void Cancelled_items_never_fire()
    {
        var cancelable = Sys.Scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "tick", ActorRefs.NoSender);
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");
        cancelable.Cancel();
        Scheduler.Advance(TimeSpan.FromSeconds(5));
        ExpectNoMsg(Quiet);
        Assert.Equal(0, Scheduler.PendingCount);
    }

    [Fact]
    public void Actor_timers_run_on_virtual_time()
    {
        var ticker = Sys.ActorOf(Props.Create(() => new Ticker(TestActor)));
        ticker.Tell("once");
        ticker.Tell("start");
        AwaitCondition(() => Scheduler.PendingCount == 2, TimeSpan.FromSeconds(10), "both timers scheduled");
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");
        ExpectNoMsg(Quiet);
        Scheduler.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(["tick", "fired"], ReceiveN(2));
        ticker.Tell("stop");
        ExpectMsg("stopped");
        Scheduler.Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg(Quiet);
    }
}
