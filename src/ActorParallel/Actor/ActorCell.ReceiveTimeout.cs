namespace ActorParallel.Actor;

public sealed partial class ActorCell
{
    /// <summary>The receive timeout and its pending timer; null when no timeout is set (most actors).</summary>
    private sealed class ReceiveTimeoutState(TimeSpan timeout)
    {
        public readonly TimeSpan Timeout = timeout;
        public ICancelable? Pending;
    }

    private ReceiveTimeoutState? _receiveTimeout;

    public TimeSpan? ReceiveTimeout => _receiveTimeout?.Timeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        CancelReceiveTimeout();
        _receiveTimeout = timeout is { } t && t > TimeSpan.Zero && t != Timeout.InfiniteTimeSpan ? new ReceiveTimeoutState(t) : null;
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
        if (_receiveTimeout is { } state)
        {
            state.Pending = SystemImpl.Scheduler.ScheduleTellOnceCancelable(state.Timeout, Self, ActorParallel.Actor.ReceiveTimeout.Instance, Self);
        }
    }

    private void CancelReceiveTimeout()
    {
        if (_receiveTimeout is { } state)
        {
            state.Pending?.Cancel();
            state.Pending = null;
        }
    }
}
