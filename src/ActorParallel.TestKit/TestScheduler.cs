using ActorParallel.Actor;
using ActorParallel.Configuration;
using ActorParallel.Event;

namespace ActorParallel.TestKit;

/// <summary>
/// A scheduler on virtual time: nothing fires until the test calls <see cref="Advance"/> or
/// <see cref="AdvanceTo"/>, which then runs, on the calling thread and in due-time order, everything due
/// by the new time. Select it with
/// <c>actorparallel.scheduler.implementation = "ActorParallel.TestKit.TestScheduler, ActorParallel.TestKit"</c>
/// and reach it as <c>(TestScheduler)Sys.Scheduler</c>.
/// </summary>
public class TestScheduler : IScheduler, IAdvancedScheduler
{
    private readonly Lock _gate = new();

    /// <summary>Pending work ordered by due time, then by scheduling order. Guarded by <see cref="_gate"/>.</summary>
    private readonly PriorityQueue<Item, (DateTimeOffset Due, long Sequence)> _pending = new();

    /// <summary>The virtual clock. Guarded by <see cref="_gate"/>.</summary>
    private DateTimeOffset _now;
    private readonly DateTimeOffset _start;
    private long _sequence;

    public TestScheduler(Config config, ILoggingAdapter log)
        : this()
    {
        _ = config;
        _ = log;
    }

    public TestScheduler()
    {
        _now = DateTimeOffset.UtcNow;
        _start = _now;
    }

    public IAdvancedScheduler Advanced => this;

    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <summary>Virtual time elapsed since the scheduler was created.</summary>
    public TimeSpan MonotonicClock => Now - _start;

    public TimeSpan HighResMonotonicClock => MonotonicClock;

    /// <summary>Number of scheduled items not yet run or cancelled (cancelled ones are dropped when reached).</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Moves the clock forward by <paramref name="offset"/>, running everything that falls due.</summary>
    public void Advance(TimeSpan offset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(offset, TimeSpan.Zero);
        AdvanceTo(Now + offset);
    }

    /// <summary>
    /// Moves the clock to <paramref name="dateTime"/>, then runs, once each and in due-time order, the
    /// items due by then; a repeating item is rescheduled one interval after the new time (as Akka.NET's
    /// TestScheduler does, so a long Advance fires a periodic timer once, not once per interval).
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="dateTime"/> is before <see cref="Now"/>.</exception>
    public void AdvanceTo(DateTimeOffset dateTime)
    {
        var due = new List<Item>();
        lock (_gate)
        {
            if (dateTime < _now)
            {
                throw new InvalidOperationException($"You can't reverse time: {dateTime:O} is before the scheduler's now, {_now:O}.");
            }

            _now = dateTime;
            while (_pending.TryPeek(out var item, out var key) && key.Due <= dateTime)
            {
                _pending.Dequeue();
                if (!item.IsCancelled)
                {
                    due.Add(item);
                }
            }
        }

        // Run outside the lock: an action may schedule more work (a timer restarting itself); that work
        // is due after now, so it waits for the next Advance.
        foreach (var item in due)
        {
            if (item.IsCancelled)
            {
                continue;
            }

            item.Action();
            if (item.Interval is { } interval && !item.IsCancelled)
            {
                lock (_gate)
                {
                    Enqueue(item, _now + interval);
                }
            }
        }
    }

    public void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender) =>
        Schedule(delay, null, () => receiver.Tell(message, sender), null);

    public void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Schedule(delay, null, () => receiver.Tell(message, sender), cancelable);

    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender) =>
        Schedule(initialDelay, CheckInterval(interval), () => receiver.Tell(message, sender), null);

    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Schedule(initialDelay, CheckInterval(interval), () => receiver.Tell(message, sender), cancelable);

    public void ScheduleOnce(TimeSpan delay, Action action) => Schedule(delay, null, action, null);

    public void ScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable) => Schedule(delay, null, action, cancelable);

    public void ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action) => Schedule(initialDelay, CheckInterval(interval), action, null);

    public void ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable) =>
        Schedule(initialDelay, CheckInterval(interval), action, cancelable);

    private static TimeSpan CheckInterval(TimeSpan interval) =>
        interval > TimeSpan.Zero ? interval : throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive.");

    private void Schedule(TimeSpan delay, TimeSpan? interval, Action action, ICancelable? cancelable)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (cancelable?.IsCancellationRequested == true)
        {
            return;
        }

        lock (_gate)
        {
            Enqueue(new Item(action, interval, cancelable), _now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay));
        }
    }

    private void Enqueue(Item item, DateTimeOffset due) => _pending.Enqueue(item, (due, _sequence++));

    private sealed record Item(Action Action, TimeSpan? Interval, ICancelable? Cancelable)
    {
        public bool IsCancelled => Cancelable?.IsCancellationRequested == true;
    }
}
