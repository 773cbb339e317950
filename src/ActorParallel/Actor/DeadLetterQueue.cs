using ActorParallel.Dispatch;
using ActorParallel.Event;

namespace ActorParallel.Actor;

/// <summary>The queue every closed mailbox empties into: turns envelopes into dead letters.</summary>
internal sealed class DeadLetterQueue(IActorRef deadLetters) : IMessageQueue
{
    public bool HasMessages => false;

    public int Count => 0;

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        if (envelope.Message is AllDeadLetters or LogEvent)
        {
            return;
        }

        deadLetters.Tell(new DeadLetter(envelope.Message, envelope.Sender ?? deadLetters, receiver), envelope.Sender!);
    }

    public bool TryDequeue(out Envelope envelope)
    {
        envelope = default;
        return false;
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
    }
}
