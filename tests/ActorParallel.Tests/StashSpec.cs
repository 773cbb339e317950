using ActorParallel.Actor;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public abstract class StashSpec(string dispatcher, ITestOutputHelper output) : DispatcherSuite(dispatcher, output)
{
    [Fact]
    public void Stashed_messages_are_replayed_in_order_after_UnstashAll()
    {
        var actor = Sys.ActorOf<Gate>();
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("open");
        actor.Tell("c");
        ExpectMsg("a");
        ExpectMsg("b");
        ExpectMsg("c");
    }

    [Fact]
    public void Stashed_messages_survive_a_restart()
    {
        var actor = Sys.ActorOf<Gate>();
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell(new InvalidOperationException("restart me"));
        actor.Tell("open");
        ExpectMsg("a");
        ExpectMsg("b");
    }

    [Fact]
    public void Stashed_messages_go_to_dead_letters_when_the_actor_stops()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Event.DeadLetter));
        var actor = Sys.ActorOf<Gate>();
        actor.Tell("a");
        actor.Tell("count");
        ExpectMsg(1);
        Sys.Stop(actor);
        FishFor("a");
    }

    private void FishFor(string expected)
    {
        while (true)
        {
            var letter = ExpectMsg<Event.DeadLetter>();
            if (Equals(letter.Message, expected))
            {
                return;
            }
        }
    }

    private sealed class Gate : ReceiveActor, IWithUnboundedStash
    {
        public IStash Stash { get; set; } = null!;

        public Gate()
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(() => Receive<string>(s => Sender.Tell(s)));
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "count", _ => Sender.Tell(Stash.Count));
            Receive<Exception>(e => throw e);
            Receive<string>(_ => Stash.Stash());
        }
    }
}

public sealed class StashSpec_ThreadPool(ITestOutputHelper output) : StashSpec(DispatcherVariant.ThreadPool, output);

public sealed class StashSpec_ForkJoin(ITestOutputHelper output) : StashSpec(DispatcherVariant.ForkJoin, output);
