using ActorParallel.Actor;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public abstract class AsyncSpec(string dispatcher, ITestOutputHelper output) : DispatcherSuite(dispatcher, output)
{
    [Fact]
    public void ReceiveAsync_holds_the_next_message_until_the_task_completes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new AsyncActor(gate.Task)));
        actor.Tell("slow");
        actor.Tell("fast");
        ExpectMsg("slow:started");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        gate.SetResult();
        ExpectMsg("slow:done");
        ExpectMsg("fast");
    }

    [Fact]
    public void Context_Self_and_Sender_stay_valid_after_await()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AsyncActor(Task.CompletedTask)));
        actor.Tell("context");
        var (self, sender) = ExpectMsg<(IActorRef, IActorRef)>();
        Assert.Equal(actor, self);
        Assert.Equal(TestActor, sender);
    }

    [Fact]
    public void A_failing_async_handler_is_supervised()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AsyncActor(Task.CompletedTask)));
        actor.Tell("inc");
        actor.Tell("fail");
        actor.Tell("count");
        ExpectMsg(0);
    }

    private sealed class AsyncActor : ReceiveActor
    {
        private int _count;

        public AsyncActor(Task gate)
        {
            ReceiveAsync<string>(s => s == "slow", async _ =>
            {
                Sender.Tell("slow:started");
                await gate;
                Sender.Tell("slow:done");
            });
            ReceiveAsync<string>(s => s == "context", async _ =>
            {
                await Task.Delay(10);
                await Task.Yield();
                Sender.Tell((Context.Self, Sender));
            });
            ReceiveAsync<string>(s => s == "fail", async _ =>
            {
                await Task.Delay(10);
                throw new InvalidOperationException("async failure");
            });
            Receive<string>(s => s == "inc", _ => _count++);
            Receive<string>(s => s == "count", _ => Sender.Tell(_count));
            Receive<string>(s => Sender.Tell(s));
        }
    }
}

public sealed class AsyncSpec_ThreadPool(ITestOutputHelper output) : AsyncSpec(DispatcherVariant.ThreadPool, output);

public sealed class AsyncSpec_ForkJoin(ITestOutputHelper output) : AsyncSpec(DispatcherVariant.ForkJoin, output);

public sealed class AsyncSpec_Pinned(ITestOutputHelper output) : AsyncSpec(DispatcherVariant.Pinned, output);
