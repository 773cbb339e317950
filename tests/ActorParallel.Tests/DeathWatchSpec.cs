using ActorParallel.Actor;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public abstract class DeathWatchSpec(string dispatcher, ITestOutputHelper output) : DispatcherSuite(dispatcher, output)
{
    [Fact]
    public void Watcher_gets_Terminated_exactly_once()
    {
        var target = Sys.ActorOf<EchoActor>();
        Watch(target);
        Watch(target);
        target.Tell(PoisonPill.Instance);
        var terminated = ExpectTerminated(target);
        Assert.True(terminated.ExistenceConfirmed);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Watching_a_dead_actor_yields_Terminated_at_once()
    {
        var target = Sys.ActorOf<EchoActor>();
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);
        var probe = CreateTestProbe();
        probe.Watch(target);
        probe.ExpectTerminated(target);
    }

    [Fact]
    public void WatchWith_delivers_the_custom_message()
    {
        var target = Sys.ActorOf<EchoActor>();
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(target, TestActor, "custom")));
        watcher.Tell("ready?");
        ExpectMsg("ready");
        Sys.Stop(target);
        ExpectMsg("custom");
    }

    [Fact]
    public void Unwatch_prevents_the_Terminated()
    {
        var target = Sys.ActorOf<EchoActor>();
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(target, TestActor, null)));
        watcher.Tell("ready?");
        ExpectMsg("ready");
        watcher.Tell("unwatch");
        ExpectMsg("unwatched");
        Sys.Stop(target);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void An_unhandled_Terminated_kills_the_watcher_with_DeathPactException()
    {
        var target = Sys.ActorOf<EchoActor>();
        var watcher = Sys.ActorOf(Props.Create(() => new CarelessWatcher(target)));
        watcher.Tell("ready?");
        ExpectMsg("ready");
        Watch(watcher);
        Sys.Stop(target);
        ExpectTerminated(watcher);
    }

    [Fact]
    public void A_parent_watching_its_child_gets_Terminated()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(TestActor)));
        var child = ExpectMsg<IActorRef>();
        child.Tell(PoisonPill.Instance);
        ExpectMsg("terminated:child");
        parent.Tell("children");
        ExpectMsg(0);
    }

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef target, IActorRef probe, string? custom)
        {
            if (custom is null)
            {
                Context.Watch(target);
            }
            else
            {
                Context.WatchWith(target, custom);
            }

            Receive<string>(s => s == "ready?", _ => Sender.Tell("ready"));
            Receive<string>(s => s == "unwatch", _ =>
            {
                Context.Unwatch(target);
                Sender.Tell("unwatched");
            });
            Receive<string>(probe.Tell);
            Receive<Terminated>(t => probe.Tell("terminated:" + t.ActorRef.Path.Name));
        }
    }

    private sealed class CarelessWatcher : ReceiveActor
    {
        public CarelessWatcher(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => Sender.Tell("ready"));
        }
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent(IActorRef probe)
        {
            var child = Context.Watch(Context.ActorOf<EchoActor>("child"));
            probe.Tell(child);
            // A Terminated forwarded to an actor that did not watch is dropped (as in Akka), so report it as text.
            Receive<Terminated>(t => probe.Tell("terminated:" + t.ActorRef.Path.Name));
            Receive<string>(_ => Sender.Tell(Context.GetChildren().Count()));
        }
    }
}

public sealed class DeathWatchSpec_ThreadPool(ITestOutputHelper output) : DeathWatchSpec(DispatcherVariant.ThreadPool, output);

public sealed class DeathWatchSpec_ForkJoin(ITestOutputHelper output) : DeathWatchSpec(DispatcherVariant.ForkJoin, output);

public sealed class DeathWatchSpec_Pinned(ITestOutputHelper output) : DeathWatchSpec(DispatcherVariant.Pinned, output);

public sealed class DeathWatchSpec_CallingThread(ITestOutputHelper output) : DeathWatchSpec(DispatcherVariant.CallingThread, output);
