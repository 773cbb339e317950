using ActorParallel.Actor;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public sealed class BoundedStashSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit("""
    small-stash-mailbox { mailbox-type = "ActorParallel.Dispatch.BoundedDequeBasedMailbox, ActorParallel", mailbox-capacity = 100, stash-capacity = 1 }
    """, output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Fact]
    public void Props_WithStashCapacity_bounds_the_stash_and_overflow_throws_StashOverflowException()
    {
        var props = Props.Create<BoundedGate>().WithStashCapacity(2);
        Assert.Equal(2, props.StashCapacity);
        Assert.Equal(2, props.WithDispatcher(Dispatch.Dispatchers.DefaultDispatcherId).StashCapacity);
        var actor = Sys.ActorOf(props);

        actor.Tell("a");
        ExpectMsg("stashed a (1/2, full=False)", Generous);
        actor.Tell("b");
        ExpectMsg("stashed b (2/2, full=True)", Generous);
        actor.Tell("c");
        var overflow = ExpectMsg<StashOverflowException>(Generous);
        Assert.Contains("c", overflow.Message, StringComparison.Ordinal);

        actor.Tell("open");
        ExpectMsg("a", Generous);
        ExpectMsg("b", Generous);
    }

    [Fact]
    public void The_mailbox_stash_capacity_applies_when_props_do_not_set_one()
    {
        var actor = Sys.ActorOf(Props.Create<BoundedGate>().WithMailbox("small-stash-mailbox"));
        actor.Tell("a");
        ExpectMsg("stashed a (1/1, full=True)", Generous);
        actor.Tell("b");
        ExpectMsg<StashOverflowException>(Generous);
    }

    [Fact]
    public void Without_a_capacity_the_stash_is_unbounded()
    {
        var actor = Sys.ActorOf<BoundedGate>();
        actor.Tell("a");
        ExpectMsg($"stashed a (1/{int.MaxValue}, full=False)", Generous);
    }

    /// <summary>Stashes strings until "open"; reports each stash (or the overflow) to the sender.</summary>
    private sealed class BoundedGate : ReceiveActor, IWithBoundedStash
    {
        public IStash Stash { get; set; } = null!;

        public BoundedGate()
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(() => ReceiveAny(message => Sender.Tell(message)));
                Stash.UnstashAll();
            });
            Receive<string>(s =>
            {
                try
                {
                    Stash.Stash();
                    Sender.Tell($"stashed {s} ({Stash.Count}/{Stash.Capacity}, full={Stash.IsFull})");
                }
                catch (StashOverflowException e)
                {
                    Sender.Tell(e);
                }
            });
        }
    }
}
