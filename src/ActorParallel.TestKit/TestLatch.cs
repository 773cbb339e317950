namespace ActorParallel.TestKit;

/// <summary>
/// A count-down latch for tests: code under test calls <see cref="CountDown"/>, the test waits with
/// <see cref="Ready"/> (or <see cref="ReadyAsync"/>), which throws <see cref="TimeoutException"/> if
/// the latch is still closed after the timeout.
/// </summary>
public class TestLatch
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _defaultTimeout;

    /// <summary>Counts left. Guarded by <see cref="_gate"/>.</summary>
    private int _count;
    private readonly int _initialCount;

    /// <summary>Completed when the count reaches zero; replaced by <see cref="Reset"/>. Guarded by <see cref="_gate"/>.</summary>
    private TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TestLatch(int count = 1)
        : this(count, TimeSpan.FromSeconds(5))
    {
    }

    public TestLatch(int count, TimeSpan defaultTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _initialCount = count;
        _count = count;
        _defaultTimeout = defaultTimeout;
        if (count == 0)
        {
            _open.SetResult();
        }
    }

    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _count == 0;
            }
        }
    }

    /// <summary>Counts left before the latch opens.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void CountDown()
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                return;
            }

            _count--;
            if (_count == 0)
            {
                _open.TrySetResult();
            }
        }
    }

    /// <summary>Opens the latch whatever its count.</summary>
    public void Open()
    {
        lock (_gate)
        {
            _count = 0;
            _open.TrySetResult();
        }
    }

    /// <summary>Closes the latch again with its initial count.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _count = _initialCount;
            if (_open.Task.IsCompleted && _count > 0)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Waits until the latch is open; throws <see cref="TimeoutException"/> after <paramref name="atMost"/>.</summary>
    public void Ready(TimeSpan? atMost = null, CancellationToken cancellationToken = default) =>
        ReadyAsync(atMost, cancellationToken).GetAwaiter().GetResult();

    public async Task ReadyAsync(TimeSpan? atMost = null, CancellationToken cancellationToken = default)
    {
        Task open;
        lock (_gate)
        {
            open = _open.Task;
        }

        var timeout = atMost ?? _defaultTimeout;
        try
        {
            await open.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timeout ({timeout}) waiting for the TestLatch to open: {Count} of {_initialCount} count(s) left.");
        }
    }
}
