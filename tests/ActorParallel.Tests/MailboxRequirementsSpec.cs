using ActorParallel.Actor;
using ActorParallel.Dispatch;
using ActorParallel.Event;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public sealed class MailboxRequirementsSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit("""
    tiny-deque { mailbox-type = "ActorParallel.Dispatch.BoundedDequeBasedMailbox, ActorParallel", mailbox-capacity = 2, mailbox-push-timeout-time = 0s }
    """, output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    private static IMessageQueue QueueOf(IActorRef actor) => ((LocalActorRef)actor).Cell.Mailbox.MessageQueue;

    [Fact]
    public void Requirements_map_queue_semantics_to_mailbox_types()
    {
        Assert.IsType<BoundedDequeBasedMailbox>(Sys.Mailboxes.LookupByQueueType(typeof(IBoundedDequeBasedMessageQueueSemantics)));
        Assert.IsType<UnboundedDequeBasedMailbox>(Sys.Mailboxes.LookupByQueueType(typeof(IUnboundedDequeBasedMessageQueueSemantics)));
        Assert.IsType<UnboundedDequeBasedMailbox>(Sys.Mailboxes.LookupByQueueType(typeof(IDequeBasedMessageQueueSemantics)));
        Assert.IsType<BoundedMailbox>(Sys.Mailboxes.LookupByQueueType(typeof(IBoundedMessageQueueSemantics)));
        Assert.IsType<UnboundedMailbox>(Sys.Mailboxes.LookupByQueueType(typeof(IUnboundedMessageQueueSemantics)));
        var bounded = Assert.IsType<BoundedDequeBasedMailbox>(Sys.Mailboxes.ForActorType(typeof(BoundedStasher)));
        Assert.Equal(1000, bounded.Capacity);
        Assert.Equal(TimeSpan.FromSeconds(10), bounded.PushTimeOut);
        Assert.Null(Sys.Mailboxes.ForActorType(typeof(EchoActor)));
        var error = Assert.Throws<Configuration.ConfigurationException>(() => Sys.Mailboxes.LookupByQueueType(typeof(IDisposable)));
        Assert.Contains(Mailboxes.RequirementsPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bounded_stash_actor_gets_a_bounded_deque_mailbox_unless_its_props_name_one()
    {
        var required = Sys.ActorOf<BoundedStasher>();
        Assert.IsType<BoundedMessageQueue>(QueueOf(required));
        Assert.IsType<UnboundedMessageQueue>(QueueOf(Sys.ActorOf<EchoActor>()));
        Assert.IsType<UnboundedMessageQueue>(QueueOf(Sys.ActorOf(Props.Create<BoundedStasher>().WithMailbox(Mailboxes.DefaultMailboxId))));

        required.Tell("a");
        required.Tell("b");
        required.Tell("open");
        ExpectMsg("a", Generous);
        ExpectMsg("b", Generous);
    }

    [Fact]
    public void Bounded_deque_mailbox_stashes_and_sends_overflow_to_dead_letters()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new BoundedStasher(gate)).WithMailbox("tiny-deque"));
        actor.Tell("first");
        ExpectMsg("blocked", Generous);
        actor.Tell("x");
        actor.Tell("y");
        actor.Tell("overflow");
        ExpectMsg<DeadLetter>(d => Assert.Equal("overflow", d.Message), Generous);
        gate.Set();
        AwaitCondition(() => ((LocalActorRef)actor).Cell.Mailbox.NumberOfMessages == 0, Generous);
        actor.Tell("open");
        ExpectMsg("first", Generous);
        ExpectMsg("x", Generous);
        ExpectMsg("y", Generous);
    }

    [Fact]
    public void Any_actor_can_require_queue_semantics()
    {
        var actor = Sys.ActorOf<NeedsBoundedQueue>();
        Assert.IsType<BoundedMessageQueue>(QueueOf(actor));
        actor.Tell("ping");
        ExpectMsg("ping", Generous);
    }

    private sealed class NeedsBoundedQueue : ReceiveActor, IRequiresMessageQueue<IBoundedMessageQueueSemantics>
    {
        public NeedsBoundedQueue()
        {
            ReceiveAny(message => Sender.Tell(message));
        }
    }

    /// <summary>Stashes strings until "open", then echoes; optionally blocks on its first message.</summary>
    private sealed class BoundedStasher : ReceiveActor, IWithBoundedStash
    {
        public IStash Stash { get; set; } = null!;

        public BoundedStasher()
            : this(null)
        {
        }

        public BoundedStasher(ManualResetEventSlim? gate)
        {
            var first = true;
            Receive<string>(s => s == "open", _ =>
            {
                Become(() => ReceiveAny(message => Sender.Tell(message)));
                Stash.UnstashAll();
            });
            Receive<string>(_ =>
            {
                if (first && gate is not null)
                {
                    Sender.Tell("blocked");
                    gate.Wait(Generous);
                }

                first = false;
                Stash.Stash();
            });
        }
    }
}
