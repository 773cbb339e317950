using ActorParallel.Actor;
using Xunit.Sdk;

namespace ActorParallel.TestKit.Tests;

public sealed class TestProbeSpec : Xunit2.TestKit
{
    [Fact]
    public async Task A_probe_receives_replies_and_forwards()
    {
        var probe = CreateTestProbe("watcher");
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        probe.Send(echo, "ping");
        Assert.Equal("ping", await probe.ExpectMsgAsync<string>());
        Assert.Equal(echo, probe.Sender);
        probe.Reply("pong");
        await probe.ExpectMsgFromAsync(echo, "pong");

        var other = CreateTestProbe();
        probe.Forward(other);
        await other.ExpectMsgAsync("pong");
        Assert.Equal(echo, other.LastSender);
        probe.Forward(other, "explicit");
        other.ExpectMsg("explicit");
    }

    [Fact]
    public void A_probe_can_stand_in_for_an_actor()
    {
        var probe = CreateTestProbe();
        var forwarder = Sys.ActorOf(Props.Create(() => new ForwardingActor(probe)));
        forwarder.Tell(1);
        forwarder.Tell(2);
        Assert.Equal([1, 2], probe.ReceiveN(2));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task A_probe_has_the_async_expectations_and_their_failures()
    {
        var probe = CreateTestProbe();
        probe.Tell("x", TestActor);
        await probe.ExpectMsgAsync<string>(s => s == "x");
        var failure = await Assert.ThrowsAnyAsync<XunitException>(async () => await probe.ExpectMsgAsync<int>(TimeSpan.FromMilliseconds(100)));
        Assert.Contains("System.Int32", failure.Message, StringComparison.Ordinal);
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        var victim = Sys.ActorOf(Props.Create<EchoActor>());
        probe.Watch(victim);
        Sys.Stop(victim);
        await probe.ExpectTerminatedAsync(victim);
    }

    [Fact]
    public void AutoPilot_replies_until_it_is_replaced()
    {
        var probe = CreateTestProbe();
        probe.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            sender.Tell($"auto:{message}", ActorRefs.NoSender);
            return message is "last" ? AutoPilot.NoAutoPilot : AutoPilot.KeepRunning;
        }));
        probe.Tell("a", TestActor);
        probe.Tell("last", TestActor);
        probe.Tell("b", TestActor);
        ExpectMsg("auto:a");
        ExpectMsg("auto:last");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(["a", "last", "b"], probe.ReceiveN(3));
    }

    [Fact]
    public void SetAutoPilot_on_the_TestActor_and_returning_itself()
    {
        SetAutoPilot(new EchoPilot());
        var probe = CreateTestProbe();
        probe.Send(TestActor, "hi");
        probe.ExpectMsg("hi");
        ExpectMsg("hi");
    }

    private sealed class EchoPilot : AutoPilot
    {
        public override AutoPilot Run(IActorRef sender, object message)
        {
            sender.Tell(message, ActorRefs.NoSender);
            return this;
        }
    }
}

public sealed class SecondSystemSpec : Xunit2.TestKit
{
    [Fact]
    public async Task Probes_and_event_filters_work_on_another_system()
    {
        var other = ActorSystem.Create("other", DefaultConfig);
        try
        {
            var probe = CreateTestProbe(other, "remote-ish");
            var echo = other.ActorOf(Props.Create<CounterActor>());
            await CreateEventFilter(other).Warning(start: "careful").ExpectOneAsync(() => echo.Tell("log-warning"));
            probe.Send(echo, "get");
            Assert.Equal(0, await probe.ExpectMsgAsync<int>());
            Assert.Equal("other", probe.Sys.Name);
        }
        finally
        {
            Shutdown(other, verifySystemShutdown: true);
        }
    }
}
