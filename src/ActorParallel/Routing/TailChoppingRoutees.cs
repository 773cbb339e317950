using ActorParallel.Actor;

namespace ActorParallel.Routing;

/// <summary>
/// Tail chopping: asks one routee (in random order), then another every <see cref="Interval"/> until one
/// answers; the first answer goes to the sender, and after <see cref="Within"/> without one the sender
/// gets a <see cref="Status.Failure"/> with an <see cref="AskTimeoutException"/>. Trades extra messages
/// for lower tail latency.
/// </summary>
public sealed class TailChoppingRoutees : Routee
{
    private readonly IScheduler _scheduler;
    private readonly Routee[] _routees;

    public TailChoppingRoutees(IScheduler scheduler, Routee[] routees, TimeSpan within, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(routees);
        _scheduler = scheduler;
        _routees = routees;
        Within = within;
        Interval = interval;
    }

    public TimeSpan Within { get; }

    public TimeSpan Interval { get; }

    public override void Send(object message, IActorRef sender)
    {
        var shuffled = (Routee[])_routees.Clone();
        Random.Shared.Shuffle(shuffled);
        var first = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var tries = new Cancelable(_scheduler.Advanced);
        var next = -1;
        void TryNext()
        {
            var index = Interlocked.Increment(ref next);
            if (index >= shuffled.Length || first.Task.IsCompleted)
            {
                tries.Cancel();
                return;
            }

            shuffled[index].Ask(message, Within).ContinueWith(
                static (task, state) => ScatterGatherFirstCompletedRoutees.Complete((TaskCompletionSource<object>)state!, task),
                first, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        TryNext();
        _scheduler.Advanced.ScheduleRepeatedly(Interval, Interval, TryNext, tries);
        var timeout = new Cancelable(_scheduler.Advanced);
        _scheduler.Advanced.ScheduleOnce(Within, () => first.TrySetException(
            new AskTimeoutException($"Tail-chopping over {shuffled.Length} routees got no reply within {Within}.")), timeout);
        _ = first.Task.ContinueWith(
            _ =>
            {
                tries.Cancel();
                timeout.Cancel();
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _ = first.Task.PipeTo(sender, useConfigureAwait: false);
    }
}
