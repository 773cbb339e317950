using ActorParallel.Actor;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public abstract class SupervisionSpec(string dispatcher, ITestOutputHelper output) : DispatcherSuite(dispatcher, output)
{
    private IActorRef Supervised(SupervisorStrategy strategy, Props child, out IActorRef supervisor)
    {
        supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(strategy)));
        supervisor.Tell(child);
        return ExpectMsg<IActorRef>();
    }

    [Fact]
    public void Resume_keeps_the_state()
    {
        var child = Supervised(new OneForOneStrategy(_ => Directive.Resume), Props.Create<CounterActor>(), out _);
        child.Tell("inc");
        child.Tell(new InvalidOperationException("x"));
        child.Tell("inc");
        child.Tell("get");
        ExpectMsg(2);
    }

    [Fact]
    public void Restart_resets_the_state_and_drops_the_failing_message()
    {
        var child = Supervised(new OneForOneStrategy(_ => Directive.Restart), Props.Create<CounterActor>(), out _);
        child.Tell("inc");
        child.Tell(new InvalidOperationException("x"));
        child.Tell("inc");
        child.Tell("get");
        ExpectMsg(1);
    }

    [Fact]
    public void Stop_stops_the_child()
    {
        var child = Supervised(new OneForOneStrategy(_ => Directive.Stop), Props.Create<CounterActor>(), out _);
        Watch(child);
        child.Tell(new InvalidOperationException("x"));
        ExpectTerminated(child);
    }

    [Fact]
    public void Escalate_fails_the_supervisor_whose_own_supervisor_decides()
    {
        var child = Supervised(new OneForOneStrategy(_ => Directive.Escalate), Props.Create<CounterActor>(), out var supervisor);
        Watch(child);
        Watch(supervisor);
        // The user guardian restarts the supervisor; its default PreRestart stops the child.
        child.Tell(new InvalidOperationException("x"));
        ExpectTerminated(child);
        supervisor.Tell(Props.Create<CounterActor>());
        var fresh = ExpectMsg<IActorRef>();
        fresh.Tell("get");
        ExpectMsg(0);
    }

    [Fact]
    public void Escalation_with_a_stopping_grandparent_stops_the_chain()
    {
        var top = Sys.ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.StoppingStrategy)));
        top.Tell(Props.Create(() => new Supervisor(new OneForOneStrategy(_ => Directive.Escalate))));
        var middle = ExpectMsg<IActorRef>();
        middle.Tell(Props.Create<CounterActor>());
        var leaf = ExpectMsg<IActorRef>();
        Watch(middle);
        Watch(leaf);
        leaf.Tell(new InvalidOperationException("x"));
        ExpectMsgAllOf(TimeSpan.FromSeconds(5), new Terminated(middle, true, false), new Terminated(leaf, true, false));
    }

    [Fact]
    public void MaxNrOfRetries_stops_the_child_after_too_many_restarts()
    {
        var child = Supervised(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart), Props.Create<CounterActor>(), out _);
        Watch(child);
        child.Tell(new InvalidOperationException("1"));
        child.Tell(new InvalidOperationException("2"));
        child.Tell("get");
        ExpectMsg(0);
        child.Tell(new InvalidOperationException("3"));
        ExpectTerminated(child);
    }

    [Fact]
    public void AllForOne_restarts_every_child()
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(new AllForOneStrategy(_ => Directive.Restart))));
        supervisor.Tell(Props.Create<CounterActor>());
        var first = ExpectMsg<IActorRef>();
        supervisor.Tell(Props.Create<CounterActor>());
        var second = ExpectMsg<IActorRef>();
        first.Tell("inc");
        second.Tell("inc");
        second.Tell("inc");
        // Make sure the increments are processed before the failure: a restart keeps queued messages.
        second.Tell("get");
        ExpectMsg(2);
        first.Tell(new InvalidOperationException("x"));
        AwaitAssert(() =>
        {
            second.Tell("get");
            Assert.Equal(0, ExpectMsg<int>());
        });
        first.Tell("get");
        ExpectMsg(0);
    }

    [Fact]
    public void Decider_From_picks_the_most_specific_exception_type()
    {
        var decider = Decider.From(Directive.Escalate,
            Directive.Resume.When<ArgumentException>(),
            Directive.Stop.When<ArgumentNullException>());
        Assert.Equal(Directive.Stop, decider.Decide(new ArgumentNullException("x")));
        Assert.Equal(Directive.Resume, decider.Decide(new ArgumentOutOfRangeException("x")));
        Assert.Equal(Directive.Escalate, decider.Decide(new InvalidOperationException()));
    }

    [Fact]
    public void Default_strategy_restarts_on_exceptions_and_stops_on_initialization_failure()
    {
        Assert.Equal(Directive.Restart, SupervisorStrategy.DefaultStrategy.Decider.Decide(new InvalidOperationException()));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultStrategy.Decider.Decide(new ActorInitializationException("x")));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultStrategy.Decider.Decide(new ActorKilledException()));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultStrategy.Decider.Decide(new DeathPactException()));
    }

    [Fact]
    public void A_constructor_failure_stops_the_actor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new FailingConstructor()));
        Watch(actor);
        ExpectTerminated(actor);
    }

    [Fact]
    public void Top_level_actors_are_restarted_by_the_user_guardian()
    {
        var counter = Sys.ActorOf<CounterActor>();
        counter.Tell("inc");
        counter.Tell(new InvalidOperationException("x"));
        counter.Tell("get");
        ExpectMsg(0);
    }

    private sealed class FailingConstructor : ActorBase
    {
        public FailingConstructor() => throw new InvalidOperationException("cannot start");

        protected override bool Receive(object message) => true;
    }
}

public sealed class SupervisionSpec_ThreadPool(ITestOutputHelper output) : SupervisionSpec(DispatcherVariant.ThreadPool, output);

public sealed class SupervisionSpec_ForkJoin(ITestOutputHelper output) : SupervisionSpec(DispatcherVariant.ForkJoin, output);

public sealed class SupervisionSpec_Pinned(ITestOutputHelper output) : SupervisionSpec(DispatcherVariant.Pinned, output);

public sealed class SupervisionSpec_CallingThread(ITestOutputHelper output) : SupervisionSpec(DispatcherVariant.CallingThread, output);
