using ActorParallel.Actor;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public abstract class MessagingSpec(string dispatcher, ITestOutputHelper output) : DispatcherSuite(dispatcher, output)
{
    [Fact]
    public void Tell_delivers_and_Sender_replies_to_the_implicit_sender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        echo.Tell("hello");
        ExpectMsg("hello");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void Messages_from_one_sender_arrive_in_order()
    {
        var echo = Sys.ActorOf<EchoActor>();
        for (var i = 0; i < 200; i++)
        {
            echo.Tell(i);
        }

        for (var i = 0; i < 200; i++)
        {
            ExpectMsg(i);
        }
    }

    [Fact]
    public void Forward_keeps_the_original_sender()
    {
        var probe = CreateTestProbe();
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(probe.Ref)));
        forwarder.Tell("x");
        probe.ExpectMsg("x");
        Assert.Equal(TestActor, probe.LastSender);
    }

    [Fact]
    public async Task Ask_returns_the_reply()
    {
        var echo = Sys.ActorOf<EchoActor>();
        var reply = await echo.Ask<string>("question", TimeSpan.FromSeconds(5));
        Assert.Equal("question", reply);
    }

    [Fact]
    public async Task Ask_times_out_with_AskTimeoutException()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Forwarder(ActorRefs.Nobody)));
        await Assert.ThrowsAsync<AskTimeoutException>(() => silent.Ask<string>("question", TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Ask_faults_with_the_cause_of_a_Status_Failure_reply()
    {
        var echo = Sys.ActorOf<EchoActor>();
        var cause = new InvalidOperationException("boom");
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => echo.Ask<string>(new Status.Failure(cause), TimeSpan.FromSeconds(5)));
        Assert.Same(cause, thrown);
    }

    [Fact]
    public async Task Ask_with_a_reply_of_the_wrong_type_faults_with_InvalidCastException()
    {
        var echo = Sys.ActorOf<EchoActor>();
        await Assert.ThrowsAsync<InvalidCastException>(() => echo.Ask<string>(42, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void PipeTo_sends_the_result_or_a_Status_Failure()
    {
        Task.FromResult("done").PipeTo(TestActor);
        ExpectMsg("done");
        Task.FromException<string>(new InvalidOperationException("bad")).PipeTo(TestActor);
        ExpectMsg<Status.Failure>(f => Assert.IsType<InvalidOperationException>(f.Cause));
    }

    [Fact]
    public void Tell_to_a_stopped_actor_goes_to_dead_letters_without_throwing()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Event.DeadLetter));
        var echo = Sys.ActorOf<EchoActor>();
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);
        echo.Tell("late");
        ExpectMsg<Event.DeadLetter>(d => Assert.Equal("late", d.Message));
    }

    [Fact]
    public void Many_actors_exchange_many_messages()
    {
        const int actors = 20;
        const int perActor = 100;
        var echoes = Enumerable.Range(0, actors).Select(_ => Sys.ActorOf<EchoActor>()).ToList();
        foreach (var echo in echoes)
        {
            for (var i = 0; i < perActor; i++)
            {
                echo.Tell(i);
            }
        }

        var received = 0;
        while (received < actors * perActor)
        {
            ExpectMsg<int>(TimeSpan.FromSeconds(10));
            received++;
        }

        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target)
        {
            ReceiveAny(message =>
            {
                if (!target.IsNobody())
                {
                    target.Forward(message);
                }
            });
        }
    }
}

public sealed class MessagingSpec_ThreadPool(ITestOutputHelper output) : MessagingSpec(DispatcherVariant.ThreadPool, output);

public sealed class MessagingSpec_ForkJoin(ITestOutputHelper output) : MessagingSpec(DispatcherVariant.ForkJoin, output);

public sealed class MessagingSpec_Pinned(ITestOutputHelper output) : MessagingSpec(DispatcherVariant.Pinned, output);

public sealed class MessagingSpec_CallingThread(ITestOutputHelper output) : MessagingSpec(DispatcherVariant.CallingThread, output);
