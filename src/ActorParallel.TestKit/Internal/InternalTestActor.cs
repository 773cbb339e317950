using System.Threading.Channels;
using ActorParallel.Actor;

namespace ActorParallel.TestKit.Internal;

/// <summary>
/// The actor behind TestActor and every TestProbe: queues whatever it receives for the test thread to
/// inspect (unless told to ignore it), runs the auto-pilot on each message, and performs Watch/Unwatch
/// on the test's behalf.
/// </summary>
internal sealed class InternalTestActor(ChannelWriter<MessageEnvelope> queue) : ActorBase
{
    private TestActor.Ignore? _ignore;
    private AutoPilot _autoPilot = NoAutoPilot.Instance;

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case TestActor.Watch watch:
                Context.Watch(watch.Actor);
                return true;
            case TestActor.Unwatch unwatch:
                Context.Unwatch(unwatch.Actor);
                return true;
            case TestActor.SetIgnore setIgnore:
                _ignore = setIgnore.Ignore;
                return true;
            case TestActor.SetAutoPilot setAutoPilot:
                _autoPilot = setAutoPilot.AutoPilot;
                return true;
        }

        var sender = Sender;
        var next = _autoPilot.Run(sender, message);
        if (next is not KeepRunning)
        {
            _autoPilot = next;
        }

        if (_ignore?.Invoke(message) != true)
        {
            queue.TryWrite(new RealMessageEnvelope(message, sender));
        }

        return true;
    }

    // A TestActor never dies of an unhandled Terminated: the test inspects it instead.
    protected override SupervisorStrategy SupervisorStrategy() => Actor.SupervisorStrategy.StoppingStrategy;
}
