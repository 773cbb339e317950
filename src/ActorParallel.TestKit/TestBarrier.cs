namespace ActorParallel.TestKit;

/// <summary>
/// A cyclic barrier for tests: each of <c>count</c> parties calls <see cref="Await"/>, and all continue
/// once the last arrives; a party that waits longer than the (dilated) timeout gets a <see cref="TimeoutException"/>.
/// </summary>
public class TestBarrier
{
    private readonly TestKitBase _testKit;
    private readonly int _count;
    private readonly TimeSpan _defaultTimeout;
    private Barrier _barrier;

    public TestBarrier(TestKitBase testKit, int count, TimeSpan? defaultTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(testKit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _testKit = testKit;
        _count = count;
        _defaultTimeout = defaultTimeout ?? testKit.TestKitSettings.DefaultTimeout;
        _barrier = new Barrier(count);
    }

    public void Await(TimeSpan? timeout = null)
    {
        var max = _testKit.Dilated(timeout ?? _defaultTimeout);
        if (!Volatile.Read(ref _barrier).SignalAndWait(max))
        {
            throw new TimeoutException($"Timeout ({max}) at the TestBarrier: {_barrier.ParticipantsRemaining} of {_count} parties had not arrived.");
        }
    }

    /// <summary>Replaces the barrier with a fresh one (parties waiting on the old one keep waiting on it).</summary>
    public void Reset() => Volatile.Write(ref _barrier, new Barrier(_count));
}
