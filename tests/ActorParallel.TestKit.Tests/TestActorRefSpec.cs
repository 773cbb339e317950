using ActorParallel.Actor;

namespace ActorParallel.TestKit.Tests;

public sealed class TestActorRefSpec : Xunit2.TestKit
{
    [Fact]
    public void Tell_is_processed_before_it_returns_and_the_actor_is_reachable()
    {
        var counter = ActorOfAsTestActorRef<CounterActor>();
        counter.Tell("a");
        counter.Tell("b");
        Assert.Equal(2, counter.UnderlyingActor.Count);
    }

    [Fact]
    public void Receive_runs_on_the_calling_thread_and_sets_the_sender()
    {
        var counter = ActorOfAsTestActorRef<CounterActor>(Props.Create<CounterActor>(), "counter");
        counter.Receive("x");
        Assert.Equal(1, counter.UnderlyingActor.Count);
        counter.Receive("get", TestActor);
        ExpectMsg(1);
        Assert.Equal("counter", counter.Path.Name);
    }

    [Fact]
    public void Receive_throws_the_actors_exception_to_the_caller()
    {
        var counter = ActorOfAsTestActorRef(() => new CounterActor());
        var failure = Assert.Throws<InvalidOperationException>(() => counter.Receive("boom"));
        Assert.Equal("boom", failure.Message);
        Assert.Same(counter.UnderlyingActor, counter.UnderlyingActor);
    }

    [Fact]
    public async Task ReceiveAsync_and_the_constructor_overloads()
    {
        var viaConstructor = new TestActorRef<CounterActor>(Sys, Props.Create<CounterActor>());
        await viaConstructor.ReceiveAsync("x");
        Assert.Equal(1, viaConstructor.UnderlyingActor.Count);

        var parent = Sys.ActorOf(Props.Create<EchoActor>(), "parent");
        var child = ActorOfAsTestActorRef<CounterActor>(Props.Create<CounterActor>(), parent, "child");
        Assert.Equal(parent.Path / "child", child.Path);
        Assert.Equal(child.Ref, child);
    }

    [Fact]
    public void Stopping_a_TestActorRef_terminates_it()
    {
        var counter = ActorOfAsTestActorRef<CounterActor>();
        Watch(counter);
        Sys.Stop(counter.Ref);
        ExpectTerminated(counter.Ref);
        Assert.True(counter.IsTerminated);
    }
}
