namespace ActorParallel.Actor;

/// <summary>
/// The timers of one actor. Used only from the actor's own thread. Each timer message carries the
/// timer's generation; <see cref="Accept"/> drops messages of timers since cancelled or replaced.
/// </summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Timer> _timers = [];
    private int _generation;

    public IReadOnlyCollection<object> ActiveTimers => [.. _timers.Keys];

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval) =>
        Start(key, msg, interval, interval, repeat: true, ActorRefs.NoSender);

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval, IActorRef sender) =>
        Start(key, msg, interval, interval, repeat: true, sender);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval) =>
        Start(key, msg, initialDelay, interval, repeat: true, ActorRefs.NoSender);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval, IActorRef sender) =>
        Start(key, msg, initialDelay, interval, repeat: true, sender);

    public void StartSingleTimer(object key, object msg, TimeSpan timeout) =>
        Start(key, msg, timeout, TimeSpan.Zero, repeat: false, ActorRefs.NoSender);

    public void StartSingleTimer(object key, object msg, TimeSpan timeout, IActorRef sender) =>
        Start(key, msg, timeout, TimeSpan.Zero, repeat: false, sender);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var timer))
        {
            timer.Task.Cancel();
        }
    }

    public void CancelAll()
    {
        foreach (var timer in _timers.Values)
        {
            timer.Task.Cancel();
        }

        _timers.Clear();
    }

    private void Start(object key, object msg, TimeSpan initialDelay, TimeSpan interval, bool repeat, IActorRef sender)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(msg);
        Cancel(key);
        var generation = ++_generation;
        var message = new TimerMessage(key, generation, msg, sender ?? ActorRefs.NoSender);
        var scheduler = cell.System.Scheduler;
        var task = repeat
            ? scheduler.ScheduleTellRepeatedlyCancelable(initialDelay, interval, cell.Self, message, cell.Self)
            : scheduler.ScheduleTellOnceCancelable(initialDelay, cell.Self, message, cell.Self);
        _timers[key] = new Timer(generation, repeat, task);
    }

    /// <summary>True if the timer that sent <paramref name="message"/> is still the active one for its key.</summary>
    internal bool Accept(TimerMessage message)
    {
        if (!_timers.TryGetValue(message.Key, out var timer) || timer.Generation != message.Generation)
        {
            return false;
        }

        if (!timer.Repeat)
        {
            _timers.Remove(message.Key);
        }

        return true;
    }

    private sealed record Timer(int Generation, bool Repeat, ICancelable Task);

    /// <summary>What a timer actually sends; unwrapped by the cell before the actor sees it.</summary>
    internal sealed record TimerMessage(object Key, int Generation, object Message, IActorRef Sender) : IAutoReceivedMessage;
}
