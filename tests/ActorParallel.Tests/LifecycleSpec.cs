using ActorParallel.Actor;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public abstract class LifecycleSpec(string dispatcher, ITestOutputHelper output) : DispatcherSuite(dispatcher, output)
{
    [Fact]
    public void PreStart_runs_after_the_constructor_and_PostStop_after_stop()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor, "a")));
        ExpectMsg("a:ctor");
        ExpectMsg("a:PreStart");
        Watch(actor);
        actor.Tell(PoisonPill.Instance);
        ExpectMsg("a:PostStop");
        ExpectTerminated(actor);
    }

    [Fact]
    public void Restart_calls_PreRestart_on_the_old_instance_and_PostRestart_on_a_new_one_keeping_the_mailbox()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor, "a")));
        ExpectMsg("a:ctor");
        ExpectMsg("a:PreStart");
        actor.Tell(new InvalidOperationException("fail"));
        actor.Tell("after");
        ExpectMsg("a:PreRestart:InvalidOperationException");
        ExpectMsg("a:PostStop");
        ExpectMsg("a:ctor");
        ExpectMsg("a:PostRestart");
        ExpectMsg("a:PreStart");
        ExpectMsg("a:after");
    }

    [Fact]
    public void Default_PreRestart_stops_the_children()
    {
        var parent = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor, "p")));
        ExpectMsg("p:ctor");
        ExpectMsg("p:PreStart");
        var childProbe = CreateTestProbe();
        parent.Tell(Props.Create(() => new LifecycleActor(childProbe.Ref, "c")));
        var child = ExpectMsg<IActorRef>();
        childProbe.ExpectMsg("c:ctor");
        childProbe.ExpectMsg("c:PreStart");
        childProbe.Watch(child);
        parent.Tell(new InvalidOperationException("fail"));
        ExpectMsg("p:PreRestart:InvalidOperationException");
        ExpectMsg("p:PostStop");
        ExpectMsg("p:ctor");
        ExpectMsg("p:PostRestart");
        ExpectMsg("p:PreStart");
        childProbe.ExpectMsg("c:PostStop");
        childProbe.ExpectTerminated(child);
    }

    [Fact]
    public void Stop_stops_children_before_the_parent()
    {
        var parent = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor, "p")));
        ExpectMsg("p:ctor");
        ExpectMsg("p:PreStart");
        parent.Tell(Props.Create(() => new LifecycleActor(TestActor, "c")));
        var got = new[] { ReceiveOne(), ReceiveOne(), ReceiveOne() };
        Assert.Contains("c:ctor", got);
        Assert.Contains("c:PreStart", got);
        Assert.Single(got.OfType<IActorRef>());
        Sys.Stop(parent);
        ExpectMsg("c:PostStop");
        ExpectMsg("p:PostStop");
    }

    [Fact]
    public void PoisonPill_lets_earlier_messages_through_and_sends_later_ones_to_dead_letters()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor, "a")));
        ExpectMsg("a:ctor");
        ExpectMsg("a:PreStart");
        Sys.EventStream.Subscribe(TestActor, typeof(Event.DeadLetter));
        actor.Tell("one");
        actor.Tell(PoisonPill.Instance);
        actor.Tell("two");
        ExpectMsg("a:one");
        ExpectMsg("a:PostStop");
        ExpectMsg<Event.DeadLetter>(d => Assert.Equal("two", d.Message));
    }

    [Fact]
    public void Kill_makes_the_actor_fail_and_the_default_strategy_stops_it()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor, "a")));
        ExpectMsg("a:ctor");
        ExpectMsg("a:PreStart");
        Watch(actor);
        actor.Tell(Kill.Instance);
        ExpectMsg("a:PostStop");
        ExpectTerminated(actor);
    }

    [Fact]
    public void Child_names_are_unique_and_validated_and_generated_names_start_with_dollar()
    {
        var a = Sys.ActorOf<EchoActor>("a");
        Assert.Equal("actorparallel://test/user/a", a.Path.ToString());
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf<EchoActor>("a"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf<EchoActor>("$bad"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf<EchoActor>("has space"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf<EchoActor>(""));
        var generated = Sys.ActorOf<EchoActor>();
        Assert.StartsWith("$", generated.Path.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_is_free_again_once_the_actor_has_stopped()
    {
        var first = Sys.ActorOf<EchoActor>("reused");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);
        AwaitAssert(() => Sys.ActorOf<EchoActor>("reused"));
    }

    [Fact]
    public void Context_gives_parent_children_and_child_lookup()
    {
        var parent = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor, "p")), "parent");
        ExpectMsg("p:ctor");
        ExpectMsg("p:PreStart");
        parent.Tell(Props.Create<EchoActor>());
        var child = ExpectMsg<IActorRef>();
        Assert.Equal("actorparallel://test/user/parent/child", child.Path.ToString());
        var identity = Sys.ActorSelection("/user/parent/child").Ask<ActorIdentity>(new Identify(1), TimeSpan.FromSeconds(5)).Result;
        Assert.Equal(child, identity.Subject);
    }
}

public sealed class LifecycleSpec_ThreadPool(ITestOutputHelper output) : LifecycleSpec(DispatcherVariant.ThreadPool, output);

public sealed class LifecycleSpec_ForkJoin(ITestOutputHelper output) : LifecycleSpec(DispatcherVariant.ForkJoin, output);

public sealed class LifecycleSpec_Pinned(ITestOutputHelper output) : LifecycleSpec(DispatcherVariant.Pinned, output);

public sealed class LifecycleSpec_CallingThread(ITestOutputHelper output) : LifecycleSpec(DispatcherVariant.CallingThread, output);
