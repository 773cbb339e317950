using ActorParallel.Actor;
using ActorParallel.Event;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public abstract class BehaviorSpec(string dispatcher, ITestOutputHelper output) : DispatcherSuite(dispatcher, output)
{
    [Fact]
    public void ReceiveActor_Become_replaces_the_handlers()
    {
        var actor = Sys.ActorOf<Switcher>();
        actor.Tell("state");
        ExpectMsg("happy");
        actor.Tell("swap");
        actor.Tell("state");
        ExpectMsg("angry");
        actor.Tell("swap");
        actor.Tell("state");
        ExpectMsg("happy");
    }

    [Fact]
    public void BecomeStacked_and_UnbecomeStacked_push_and_pop()
    {
        var actor = Sys.ActorOf<Stacker>();
        actor.Tell("push");
        actor.Tell("push");
        actor.Tell("depth");
        ExpectMsg(2);
        actor.Tell("pop");
        actor.Tell("depth");
        ExpectMsg(1);
        actor.Tell("pop");
        actor.Tell("depth");
        ExpectMsg(0);
    }

    [Fact]
    public void Unhandled_messages_are_published_as_UnhandledMessage()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));
        var actor = Sys.ActorOf<Switcher>();
        actor.Tell(42);
        var unhandled = ExpectMsg<UnhandledMessage>();
        Assert.Equal(42, unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
        Assert.Equal(TestActor, unhandled.Sender);
    }

    [Fact]
    public void Handlers_are_tried_in_registration_order_with_predicates()
    {
        var actor = Sys.ActorOf<Ordered>();
        actor.Tell(5);
        ExpectMsg("small");
        actor.Tell(500);
        ExpectMsg("int");
        actor.Tell("text");
        ExpectMsg("any");
    }

    [Fact]
    public void Creating_an_actor_with_new_outside_ActorOf_throws()
    {
        Assert.Throws<ActorInitializationException>(() => new Switcher());
    }

    private sealed class Switcher : ReceiveActor
    {
        public Switcher() => Happy();

        private void Happy()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("happy"));
            Receive<string>(s => s == "swap", _ => Become(Angry));
        }

        private void Angry()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("angry"));
            Receive<string>(s => s == "swap", _ => Become(Happy));
        }
    }

    private sealed class Stacker : UntypedActor
    {
        private int _depth;

        protected override void OnReceive(object message) => Handle(message);

        private void Handle(object message)
        {
            switch (message)
            {
                case "push":
                    _depth++;
                    BecomeStacked(Handle);
                    break;
                case "pop":
                    _depth--;
                    UnbecomeStacked();
                    break;
                case "depth":
                    Sender.Tell(_depth);
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }
    }

    private sealed class Ordered : ReceiveActor
    {
        public Ordered()
        {
            Receive<int>(i => i < 10, _ => Sender.Tell("small"));
            Receive<int>(_ => Sender.Tell("int"));
            ReceiveAny(_ => Sender.Tell("any"));
        }
    }
}

public sealed class BehaviorSpec_ThreadPool(ITestOutputHelper output) : BehaviorSpec(DispatcherVariant.ThreadPool, output);

public sealed class BehaviorSpec_CallingThread(ITestOutputHelper output) : BehaviorSpec(DispatcherVariant.CallingThread, output);
