using ActorParallel.Actor;
using ActorParallel.Dispatch;
using ActorParallel.Event;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public sealed class MailboxRequirementsSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit("""
    plain-bounded { mailbox-type = "ActorParallel.Dispatch.BoundedMailbox, ActorParallel", mailbox-capacity = 10, mailbox-push-timeout-time = 0s }
    unbounded-dispatcher { type = Dispatcher, mailbox-type = "ActorParallel.Dispatch.UnboundedMailbox, ActorParallel" }
    actorparallel.actor.deployment { /deployed-wrong { mailbox = actorparallel.actor.default-mailbox } }
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
        Assert.IsType<BoundedMessageQueue>(QueueOf(Sys.ActorOf(Props.Create<BoundedStasher>().WithMailbox("tiny-deque"))));

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

    [Fact]
    public void A_named_mailbox_that_does_not_satisfy_the_requirement_is_rejected_at_creation()
    {
        var byProps = Assert.Throws<Configuration.ConfigurationException>(
            () => Sys.ActorOf(Props.Create<BoundedStasher>().WithMailbox("plain-bounded"), "by-props"));
        Assert.Contains("/user/by-props", byProps.Message, StringComparison.Ordinal);
        Assert.Contains("[plain-bounded]", byProps.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(IBoundedDequeBasedMessageQueueSemantics).FullName!, byProps.Message, StringComparison.Ordinal);

        var byDeployment = Assert.Throws<Configuration.ConfigurationException>(() => Sys.ActorOf<BoundedStasher>("deployed-wrong"));
        Assert.Contains($"[{Mailboxes.DefaultMailboxId}]", byDeployment.Message, StringComparison.Ordinal);

        var byDispatcher = Assert.Throws<Configuration.ConfigurationException>(
            () => Sys.ActorOf(Props.Create<NeedsBoundedQueue>().WithDispatcher("unbounded-dispatcher")));
        Assert.Contains("[unbounded-dispatcher.mailbox-type]", byDispatcher.Message, StringComparison.Ordinal);

        // A mailbox with richer semantics than required is accepted; the name is free again after the failure.
        Assert.IsType<BoundedMessageQueue>(QueueOf(Sys.ActorOf(Props.Create<NeedsBoundedQueue>().WithMailbox("tiny-deque"), "by-props")));
    }

    [Fact]
    public void A_child_whose_mailbox_misses_the_requirement_fails_inside_its_parent()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Spawner(TestActor)));
        parent.Tell("spawn");
        var error = ExpectMsg<Configuration.ConfigurationException>(Generous);
        Assert.Contains("/child", error.Message, StringComparison.Ordinal);
    }

    private sealed class Spawner : ReceiveActor
    {
        public Spawner(IActorRef probe)
        {
            Receive<string>(_ =>
            {
                try
                {
                    Context.ActorOf(Props.Create<NeedsBoundedQueue>().WithMailbox(Mailboxes.DefaultMailboxId), "child");
                }
                catch (Configuration.ConfigurationException e)
                {
                    probe.Tell(e);
                }
            });
        }
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
