using System.Diagnostics;

namespace ActorParallel.Actor;

/// <summary>
/// The default scheduler: each scheduled item is a <see cref="Timer"/> on the .NET timer queue.
/// Delivery is at-or-after the delay, never before; cancellation disposes the timer.
/// </summary>
public sealed class DefaultScheduler : IScheduler, IAdvancedScheduler, IDisposable
{
    private readonly CancellationTokenSource _shutdown = new();

    public IAdvancedScheduler Advanced => this;

    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    public TimeSpan MonotonicClock => Stopwatch.GetElapsedTime(0);

    public TimeSpan HighResMonotonicClock => Stopwatch.GetElapsedTime(0);

    public void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender) =>
        Schedule(delay, Timeout.InfiniteTimeSpan, () => receiver.Tell(message, sender), null);

    public void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Schedule(delay, Timeout.InfiniteTimeSpan, () => receiver.Tell(message, sender), cancelable);

    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender) =>
        Schedule(initialDelay, CheckInterval(interval), () => receiver.Tell(message, sender), null);

    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Schedule(initialDelay, CheckInterval(interval), () => receiver.Tell(message, sender), cancelable);

    public void ScheduleOnce(TimeSpan delay, Action action) => Schedule(delay, Timeout.InfiniteTimeSpan, action, null);

    public void ScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable) => Schedule(delay, Timeout.InfiniteTimeSpan, action, cancelable);

    public void ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action) =>
        Schedule(initialDelay, CheckInterval(interval), action, null);

    public void ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable) =>
        Schedule(initialDelay, CheckInterval(interval), action, cancelable);

    private static TimeSpan CheckInterval(TimeSpan interval) =>
        interval > TimeSpan.Zero ? interval : throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive.");

    private void Schedule(TimeSpan delay, TimeSpan period, Action action, ICancelable? cancelable)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (cancelable?.IsCancellationRequested == true || _shutdown.IsCancellationRequested)
        {
            return;
        }

        var item = new Item(action, cancelable, _shutdown.Token);
        // The timer is kept reachable through the item, which the timer queue references while armed.
        item.Timer = new Timer(static state => ((Item)state!).Fire(), item, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (cancelable is not null)
        {
            item.Registration = cancelable.Token.Register(static state => ((Item)state!).Dispose(), item);
        }

        item.Timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, period);
    }

    public void Dispose() => _shutdown.Cancel();

    private sealed class Item(Action action, ICancelable? cancelable, CancellationToken shutdown)
    {
        public Timer? Timer;
        public CancellationTokenRegistration Registration;

        public void Fire()
        {
            if (cancelable?.IsCancellationRequested == true || shutdown.IsCancellationRequested)
            {
                Dispose();
                return;
            }

            try
            {
                action();
            }
            catch (Exception)
            {
                // A failing scheduled action must not take down the timer thread; Tell never throws anyway.
            }
        }

        public void Dispose()
        {
            Timer?.Dispose();
            Registration.Dispose();
        }
    }
}
