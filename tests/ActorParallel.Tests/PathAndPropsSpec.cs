using ActorParallel.Actor;
using ActorParallel.Configuration;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public sealed class PathAndPropsSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void Addresses_parse_and_print_local_and_remote_forms()
    {
        var local = Address.Parse("actorparallel://sys");
        Assert.True(local.HasLocalScope);
        Assert.Equal("actorparallel://sys", local.ToString());
        var remote = Address.Parse("actorparallel.tcp://sys@Host:2552");
        Assert.True(remote.HasGlobalScope);
        Assert.Equal("host", remote.Host);
        Assert.Equal(2552, remote.Port);
        Assert.Equal("sys@host:2552", remote.HostPort());
        Assert.Equal(remote, new Address("actorparallel.tcp", "sys", "host", 2552));
        Assert.False(Address.TryParse("not an address", out _));
    }

    [Fact]
    public void Paths_parse_with_elements_uid_and_operators()
    {
        var path = ActorPath.Parse("actorparallel.tcp://sys@h:1/user/a/b#42");
        Assert.Equal(["user", "a", "b"], path.Elements);
        Assert.Equal(42, path.Uid);
        Assert.Equal("b", path.Name);
        Assert.Equal("/user/a/b", path.ToStringWithoutAddress());
        Assert.Equal("actorparallel.tcp://sys@h:1/user/a/b#42", path.ToSerializationFormat());
        var root = new RootActorPath(new Address("actorparallel", "sys"));
        Assert.Equal(ActorPath.Parse("actorparallel://sys/user/x"), root / "user" / "x");
        Assert.True(ActorPath.IsValidPathElement("ok-name_1"));
        Assert.False(ActorPath.IsValidPathElement("$reserved"));
        Assert.False(ActorPath.IsValidPathElement("bad/slash"));
    }

    [Fact]
    public void References_are_equal_by_path_and_uid()
    {
        var a = Sys.ActorOf<EchoActor>("same");
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a);
        IActorRef? b = null;
        AwaitAssert(() => b = Sys.ActorOf<EchoActor>("same"));
        Assert.Equal(a.Path, b!.Path);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Props_build_actors_from_types_arguments_and_expressions()
    {
        var byType = Sys.ActorOf(Props.Create(typeof(LifecycleActor), TestActor, "t"));
        ExpectMsg("t:ctor");
        ExpectMsg("t:PreStart");
        var byArgs = Sys.ActorOf(Props.Create<LifecycleActor>(TestActor, "g"));
        ExpectMsg("g:ctor");
        ExpectMsg("g:PreStart");
        var suffix = "e";
        var byExpression = Props.Create(() => new LifecycleActor(TestActor, suffix));
        suffix = "changed";
        Sys.ActorOf(byExpression);
        ExpectMsg("e:ctor");
        Assert.Equal(typeof(LifecycleActor), byExpression.Type);
        Assert.Throws<ArgumentException>(() => Props.Create(typeof(string)));
        Assert.Throws<ArgumentException>(() => Props.Create<LifecycleActor>(42));
        _ = byType;
        _ = byArgs;
    }

    [Fact]
    public void Props_are_immutable_recipes()
    {
        var props = Props.Create<EchoActor>();
        var dispatched = props.WithDispatcher("custom").WithMailbox("bounded");
        Assert.Equal(Dispatch.Dispatchers.DefaultDispatcherId, props.Dispatcher);
        Assert.Equal("custom", dispatched.Dispatcher);
        Assert.Equal("bounded", dispatched.Mailbox);
        Assert.Equal(Dispatch.Mailboxes.DefaultMailboxId, props.Mailbox);
        var strategy = new OneForOneStrategy(_ => Directive.Stop);
        Assert.Same(strategy, props.WithSupervisorStrategy(strategy).SupervisorStrategy);
        Assert.Null(props.SupervisorStrategy);
    }

    [Fact]
    public void Stopping_the_user_guardian_terminates_the_system()
    {
        var system = ActorSystem.Create("guardian");
        ((ExtendedActorSystem)system).Guardian.Stop();
        Assert.True(system.WhenTerminated.Wait(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Stopping_guardian_strategy_from_config_stops_failing_top_level_actors()
    {
        using var system = ActorSystem.Create("stopping", ConfigurationFactory.ParseString(
            "actorparallel.actor.guardian-supervisor-strategy = \"ActorParallel.Actor.StoppingSupervisorStrategy\""));
        var probe = CreateTestProbe(system);
        var counter = system.ActorOf<CounterActor>();
        probe.Watch(counter);
        counter.Tell(new InvalidOperationException("x"));
        probe.ExpectTerminated(counter);
    }

    [Fact]
    public void WatchWith_twice_with_a_different_message_throws()
    {
        var target = Sys.ActorOf<EchoActor>();
        var watcher = Sys.ActorOf(Props.Create(() => new DoubleWatcher(target)));
        watcher.Tell("go");
        ExpectMsg<InvalidOperationException>();
    }

    private sealed class DoubleWatcher : ReceiveActor
    {
        public DoubleWatcher(IActorRef target)
        {
            Receive<string>(_ =>
            {
                Context.WatchWith(target, "first");
                try
                {
                    Context.WatchWith(target, "second");
                }
                catch (InvalidOperationException e)
                {
                    Sender.Tell(e);
                }
            });
        }
    }
}
