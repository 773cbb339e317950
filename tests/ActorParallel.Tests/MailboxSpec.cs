using ActorParallel.Actor;
using ActorParallel.Configuration;
using ActorParallel.Dispatch;
using ActorParallel.Event;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public sealed class PriorityByText(Settings settings, Config config) : UnboundedStablePriorityMailbox(settings, config)
{
    protected override int PriorityGenerator(object message) => message is string s && s.StartsWith("urgent", StringComparison.Ordinal) ? 0 : 1;
}

public sealed class MailboxSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit("""
    bounded-tiny { mailbox-type = "ActorParallel.Dispatch.BoundedMailbox, ActorParallel", mailbox-capacity = 2, mailbox-push-timeout-time = 0s }
    priority-mailbox { mailbox-type = "ActorParallel.Tests.PriorityByText, ActorParallel.Tests" }
    """, output)
{
    [Fact]
    public void A_full_bounded_mailbox_sends_overflow_to_dead_letters()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var gate = new ManualResetEventSlim();
        var blocked = Sys.ActorOf(Props.Create(() => new Blocker(gate)).WithMailbox("bounded-tiny"));
        blocked.Tell("first");
        AwaitCondition(() => ((LocalActorRef)blocked).Cell.Mailbox.NumberOfMessages == 0);
        blocked.Tell("a");
        blocked.Tell("b");
        blocked.Tell("overflow");
        ExpectMsg<DeadLetter>(d => Assert.Equal("overflow", d.Message));
        gate.Set();
    }

    [Fact]
    public void Priority_mailbox_delivers_urgent_messages_first_and_keeps_order_within_a_priority()
    {
        var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(gate)).WithMailbox("priority-mailbox"));
        actor.Tell("hold");
        AwaitCondition(() => ((LocalActorRef)actor).Cell.Mailbox.NumberOfMessages == 0);
        actor.Tell("normal-1");
        actor.Tell("urgent-1");
        actor.Tell("normal-2");
        actor.Tell("urgent-2");
        gate.Set();
        ExpectMsg("hold");
        ExpectMsg("urgent-1");
        ExpectMsg("urgent-2");
        ExpectMsg("normal-1");
        ExpectMsg("normal-2");
    }

    [Fact]
    public void System_messages_overtake_user_messages()
    {
        var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new Blocker(gate)));
        Watch(actor);
        actor.Tell("hold");
        AwaitCondition(() => ((LocalActorRef)actor).Cell.Mailbox.NumberOfMessages == 0);
        for (var i = 0; i < 100; i++)
        {
            actor.Tell(i);
        }

        Sys.Stop(actor);
        gate.Set();
        ExpectMsg("hold");
        ExpectTerminated(actor);
    }

    private sealed class Blocker : ReceiveActor
    {
        public Blocker(ManualResetEventSlim gate)
        {
            ReceiveAny(message =>
            {
                gate.Wait(TimeSpan.FromSeconds(10));
                Sender.Tell(message);
            });
        }
    }
}
