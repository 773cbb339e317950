namespace ActorParallel.Actor;

public sealed partial class ActorCell
{
    /// <summary>Idle period after which the actor gets <see cref="Actor.ReceiveTimeout"/>; null when off.</summary>
    private TimeSpan? _receiveTimeout;

    private ICancelable? _receiveTimeoutTask;

    public TimeSpan? ReceiveTimeout => _receiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        _receiveTimeout = timeout is { } t && t > TimeSpan.Zero && t != Timeout.InfiniteTimeSpan ? t : null;
        CancelReceiveTimeout();
        ScheduleReceiveTimeout();
    }

    private void CheckReceiveTimeout(object message)
    {
        if (message is INotInfluenceReceiveTimeout || _isTerminating)
        {
            return;
        }

        CancelReceiveTimeout();
        ScheduleReceiveTimeout();
    }

    private void ScheduleReceiveTimeout()
    {
        if (_receiveTimeout is { } timeout)
        {
            _receiveTimeoutTask = SystemImpl.Scheduler.ScheduleTellOnceCancelable(timeout, Self, ActorParallel.Actor.ReceiveTimeout.Instance, Self);
        }
    }

    private void CancelReceiveTimeout()
    {
        _receiveTimeoutTask?.Cancel();
        _receiveTimeoutTask = null;
    }
}
