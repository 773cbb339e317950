using ActorParallel.Dispatch;

namespace ActorParallel.Actor;

public sealed partial class ActorCell
{
    /// <summary>
    /// TestActorRef.Receive: processes <paramref name="envelope"/> on the calling thread like a mailbox run
    /// would, but lets an exception escape to the caller instead of handing it to the supervisor.
    /// </summary>
    internal void ReceiveMessageForTest(Envelope envelope)
    {
        var previous = Current;
        var previousEnvelope = _currentEnvelope;
        Current = this;
        _currentEnvelope = envelope;
        try
        {
            ReceiveMessage(envelope.Message);
        }
        finally
        {
            Current = previous;
            _currentEnvelope = previousEnvelope;
        }
    }
}
