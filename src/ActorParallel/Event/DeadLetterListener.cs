using ActorParallel.Actor;

namespace ActorParallel.Event;

/// <summary>Logs dead letters at INFO, up to <c>actorparallel.log-dead-letters</c> of them.</summary>
internal sealed class DeadLetterListener : ActorBase
{
    private readonly int _maxCount;
    private int _count;

    public DeadLetterListener(int maxCount)
    {
        _maxCount = maxCount;
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    protected override bool Receive(object message)
    {
        if (message is not DeadLetter deadLetter)
        {
            return false;
        }

        var system = (ActorSystemImpl)Context.System;
        if (system.IsTerminating && !system.Settings.LogDeadLettersDuringShutdown)
        {
            return true;
        }

        _count++;
        if (_count > _maxCount || deadLetter.Message is IDeadLetterSuppression)
        {
            return true;
        }

        var ending = _count == _maxCount
            ? $" [{_count}] dead letters encountered, no more dead letters will be logged."
            : $" [{_count}] dead letters encountered.";
        var sender = deadLetter.Sender is null ? "NoSender" : deadLetter.Sender.ToString();
        Context.System.EventStream.Publish(new Info(deadLetter.Recipient.Path.ToString(), deadLetter.Recipient.GetType(),
            $"Message [{deadLetter.Message.GetType().Name}] from {sender} to {deadLetter.Recipient} was not delivered.{ending} " +
            "This logging can be turned off or adjusted with 'actorparallel.log-dead-letters' and " +
            "'actorparallel.log-dead-letters-during-shutdown'."));
        return true;
    }
}
