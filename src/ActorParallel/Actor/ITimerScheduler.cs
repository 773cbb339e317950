namespace ActorParallel.Actor;

/// <summary>An actor with timers; the runtime sets <see cref="Timers"/> before the constructor's first message.</summary>
public interface IWithTimers
{
    ITimerScheduler Timers { get; set; }
}

/// <summary>
/// Named timers that send messages to the actor itself. Starting a timer with an existing key replaces
/// it; a cancelled or replaced timer's message is never received, even if already queued.
/// </summary>
public interface ITimerScheduler
{
    void StartPeriodicTimer(object key, object msg, TimeSpan interval);

    void StartPeriodicTimer(object key, object msg, TimeSpan interval, IActorRef sender);

    void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval);

    void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval, IActorRef sender);

    void StartSingleTimer(object key, object msg, TimeSpan timeout);

    void StartSingleTimer(object key, object msg, TimeSpan timeout, IActorRef sender);

    bool IsTimerActive(object key);

    void Cancel(object key);

    void CancelAll();

    IReadOnlyCollection<object> ActiveTimers { get; }
}
