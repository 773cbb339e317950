namespace ActorParallel.Actor;

/// <summary>An <see cref="ICancelable"/> backed by a <see cref="CancellationTokenSource"/>.</summary>
public sealed class Cancelable : ICancelable, IDisposable
{
    private readonly CancellationTokenSource _source;

    public Cancelable(IActionScheduler scheduler, TimeSpan delay)
        : this(scheduler)
    {
        CancelAfter(delay);
    }

    public Cancelable(IActionScheduler scheduler, int millisecondsDelay)
        : this(scheduler, TimeSpan.FromMilliseconds(millisecondsDelay))
    {
    }

    public Cancelable(IScheduler scheduler)
        : this(scheduler.Advanced)
    {
    }

    public Cancelable(IActionScheduler scheduler)
        : this(new CancellationTokenSource())
    {
        _ = scheduler;
    }

    private Cancelable(CancellationTokenSource source)
    {
        _source = source;
    }

    public bool IsCancellationRequested => _source.IsCancellationRequested;

    public CancellationToken Token => _source.Token;

    public void Cancel() => Cancel(false);

    public void Cancel(bool throwOnFirstException)
    {
        try
        {
            _source.Cancel(throwOnFirstException);
        }
        catch (ObjectDisposedException)
        {
            // Cancelling a disposed handle is a no-op, as cancelling twice is.
        }
    }

    public void CancelAfter(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _source.CancelAfter(delay);
    }

    public void CancelAfter(int millisecondsDelay) => CancelAfter(TimeSpan.FromMilliseconds(millisecondsDelay));

    /// <summary>A handle that is already cancelled.</summary>
    public static ICancelable CreateCanceled()
    {
        var cancelable = new Cancelable(new CancellationTokenSource());
        cancelable.Cancel();
        return cancelable;
    }

    /// <summary>A handle cancelled when any of <paramref name="cancelables"/> is.</summary>
    public static ICancelable CreateLinkedCancelable(IScheduler scheduler, params ICancelable[] cancelables)
    {
        _ = scheduler;
        return new Cancelable(CancellationTokenSource.CreateLinkedTokenSource(cancelables.Select(c => c.Token).ToArray()));
    }

    public static ICancelable CreateLinkedCancelable(IScheduler scheduler, params CancellationToken[] tokens)
    {
        _ = scheduler;
        return new Cancelable(CancellationTokenSource.CreateLinkedTokenSource(tokens));
    }

    public void Dispose() => _source.Dispose();
}
