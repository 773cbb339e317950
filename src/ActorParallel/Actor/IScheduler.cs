namespace ActorParallel.Actor;

/// <summary>Clock of the scheduler; tests replace it.</summary>
public interface ITimeProvider
{
    DateTimeOffset Now { get; }

    TimeSpan MonotonicClock { get; }

    TimeSpan HighResMonotonicClock { get; }
}

/// <summary>Schedules messages to be told later.</summary>
public interface ITellScheduler
{
    void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender);

    void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable);

    void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender);

    void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable);
}

/// <summary>Schedules code to run later (runs on a timer thread, not inside an actor).</summary>
public interface IActionScheduler
{
    void ScheduleOnce(TimeSpan delay, Action action);

    void ScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable);

    void ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action);

    void ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable);
}

/// <summary>The advanced (action) side of the scheduler.</summary>
public interface IAdvancedScheduler : IActionScheduler;

/// <summary>The actor system's scheduler.</summary>
public interface IScheduler : ITellScheduler, ITimeProvider
{
    IAdvancedScheduler Advanced { get; }
}
