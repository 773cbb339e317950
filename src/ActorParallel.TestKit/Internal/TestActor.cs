using System.Threading.Channels;
using ActorParallel.Actor;

namespace ActorParallel.TestKit.Internal;

/// <summary>
/// The actor behind TestActor and every TestProbe: queues whatever it receives for the test thread to
/// inspect, and performs Watch/Unwatch on the test's behalf.
/// </summary>
internal sealed class TestActor(ChannelWriter<MessageEnvelope> queue) : ActorBase
{
    internal sealed record WatchCommand(IActorRef Subject, bool Watch) : INoSerializationVerificationNeeded;

    protected override bool Receive(object message)
    {
        if (message is WatchCommand command)
        {
            if (command.Watch)
            {
                Context.Watch(command.Subject);
            }
            else
            {
                Context.Unwatch(command.Subject);
            }

            return true;
        }

        queue.TryWrite(new RealMessageEnvelope(message, Sender));
        return true;
    }

    // A TestActor never dies of an unhandled Terminated: the test inspects it instead.
    protected override SupervisorStrategy SupervisorStrategy() => Actor.SupervisorStrategy.StoppingStrategy;
}
