using ActorParallel.Actor;

namespace ActorParallel.Event;

/// <summary>
/// Logs dead letters at INFO, up to <c>actorparallel.log-dead-letters</c> of them; then logging is suspended for
/// <c>actorparallel.log-dead-letters-suspend-duration</c> (for good if infinite), after which the next dead letter
/// is logged with the number that were skipped and the count starts again.
/// </summary>
internal sealed class DeadLetterListener : ActorBase
{
    private readonly int _maxCount;
    private readonly TimeSpan? _suspendDuration;
    private int _count;
    private int _notLogged;
    private TimeSpan? _suspendedSince;

    public DeadLetterListener(int maxCount, TimeSpan? suspendDuration)
    {
        _maxCount = maxCount;
        _suspendDuration = suspendDuration;
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
        if (_maxCount <= 0 || deadLetter.Message is IDeadLetterSuppression
            || (system.IsTerminating && !system.Settings.LogDeadLettersDuringShutdown))
        {
            return true;
        }

        var now = system.Scheduler.MonotonicClock;
        if (_suspendedSince is { } since)
        {
            if (_suspendDuration is not { } duration || now - since < duration)
            {
                _notLogged++;
                return true;
            }

            Log(deadLetter, $" [{_count + _notLogged + 1}] dead letters encountered, of which {_notLogged} were not logged. The counter will be reset now.");
            _count = 0;
            _notLogged = 0;
            _suspendedSince = null;
            return true;
        }

        _count++;
        if (_count < _maxCount)
        {
            Log(deadLetter, $" [{_count}] dead letters encountered.");
            return true;
        }

        _suspendedSince = now;
        Log(deadLetter, _suspendDuration is { } next
            ? $" [{_count}] dead letters encountered, no more dead letters will be logged in next [{next}]."
            : $" [{_count}] dead letters encountered, no more dead letters will be logged.");
        return true;
    }

    private void Log(DeadLetter deadLetter, string ending)
    {
        var sender = deadLetter.Sender is null ? "NoSender" : deadLetter.Sender.ToString();
        Context.System.EventStream.Publish(new Info(deadLetter.Recipient.Path.ToString(), deadLetter.Recipient.GetType(),
            $"Message [{deadLetter.Message.GetType().Name}] from {sender} to {deadLetter.Recipient} was not delivered.{ending} " +
            "This logging can be turned off or adjusted with 'actorparallel.log-dead-letters', " +
            "'actorparallel.log-dead-letters-during-shutdown' and 'actorparallel.log-dead-letters-suspend-duration'."));
    }
}
