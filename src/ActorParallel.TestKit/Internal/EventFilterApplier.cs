using System.Diagnostics;
using ActorParallel.Actor;

namespace ActorParallel.TestKit.Internal;

/// <summary>Applies a set of filters around a piece of code; see <see cref="IEventFilterApplier"/>.</summary>
internal sealed class EventFilterApplier(TestKitBase testKit, ActorSystem system, IReadOnlyList<EventFilterBase> filters) : IEventFilterApplier
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public EventFilterFactory And => new(testKit, system, filters);

    public void ExpectOne(Action action, CancellationToken cancellationToken = default) => Expect(1, action, cancellationToken);

    public void ExpectOne(TimeSpan timeout, Action action, CancellationToken cancellationToken = default) => Expect(1, timeout, action, cancellationToken);

    public Task ExpectOneAsync(Action action, CancellationToken cancellationToken = default) => ExpectAsync(1, action, cancellationToken);

    public Task ExpectOneAsync(Func<Task> actionAsync, CancellationToken cancellationToken = default) => ExpectAsync(1, actionAsync, cancellationToken);

    public Task ExpectOneAsync(TimeSpan timeout, Action action, CancellationToken cancellationToken = default) => ExpectAsync(1, timeout, action, cancellationToken);

    public Task ExpectOneAsync(TimeSpan timeout, Func<Task> actionAsync, CancellationToken cancellationToken = default) =>
        ExpectAsync(1, timeout, actionAsync, cancellationToken);

    public void Expect(int expectedCount, Action action, CancellationToken cancellationToken = default) =>
        ExpectAsync(expectedCount, action, cancellationToken).GetAwaiter().GetResult();

    public void Expect(int expectedCount, TimeSpan timeout, Action action, CancellationToken cancellationToken = default) =>
        ExpectAsync(expectedCount, timeout, action, cancellationToken).GetAwaiter().GetResult();

    public Task ExpectAsync(int expectedCount, Action action, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, null, Wrap(action), cancellationToken);

    public Task ExpectAsync(int expectedCount, Func<Task> actionAsync, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, null, Wrap(actionAsync), cancellationToken);

    public Task ExpectAsync(int expectedCount, TimeSpan timeout, Action action, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, timeout, Wrap(action), cancellationToken);

    public Task ExpectAsync(int expectedCount, TimeSpan timeout, Func<Task> actionAsync, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, timeout, Wrap(actionAsync), cancellationToken);

    public T ExpectOne<T>(Func<T> func, CancellationToken cancellationToken = default) => Expect(1, func, cancellationToken);

    public T ExpectOne<T>(TimeSpan timeout, Func<T> func, CancellationToken cancellationToken = default) => Expect(1, timeout, func, cancellationToken);

    public T Expect<T>(int expectedCount, Func<T> func, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, null, Wrap(func), cancellationToken).GetAwaiter().GetResult();

    public T Expect<T>(int expectedCount, TimeSpan timeout, Func<T> func, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, timeout, Wrap(func), cancellationToken).GetAwaiter().GetResult();

    public Task<T> ExpectOneAsync<T>(Func<Task<T>> func, CancellationToken cancellationToken = default) => ExpectAsync(1, func, cancellationToken);

    public Task<T> ExpectOneAsync<T>(TimeSpan timeout, Func<Task<T>> func, CancellationToken cancellationToken = default) =>
        ExpectAsync(1, timeout, func, cancellationToken);

    public Task<T> ExpectAsync<T>(int expectedCount, Func<Task<T>> func, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, null, func ?? throw new ArgumentNullException(nameof(func)), cancellationToken);

    public Task<T> ExpectAsync<T>(int expectedCount, TimeSpan timeout, Func<Task<T>> func, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, timeout, func ?? throw new ArgumentNullException(nameof(func)), cancellationToken);

    public T Mute<T>(Func<T> func) => MuteAsync(Wrap(func)).GetAwaiter().GetResult();

    public void Mute(Action action) => MuteAsync(Wrap(action)).GetAwaiter().GetResult();

    public async Task MuteAsync(Func<Task> func) => await MuteAsync(Wrap(func)).ConfigureAwait(false);

    public async Task<T> MuteAsync<T>(Func<Task<T>> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        using (Mute())
        {
            return await func().ConfigureAwait(false);
        }
    }

    public IUnmutableFilter Mute()
    {
        var registry = EventFilterRegistry.Get(system);
        registry.Add(filters);
        return new Unmutable(registry, filters);
    }

    private async Task<T> InterceptAsync<T>(int expectedCount, TimeSpan? timeout, Func<Task<T>> func, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedCount);
        var registry = EventFilterRegistry.Get(system);
        registry.Add(filters);
        T result;
        int actual;
        var max = testKit.Dilated(timeout ?? testKit.TestKitSettings.TestEventFilterLeeway);
        try
        {
            result = await func().ConfigureAwait(false);
            actual = await AwaitCountAsync(expectedCount, max, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            registry.Remove(filters);
        }

        if (actual < expectedCount)
        {
            testKit.Assertions.Fail("Timeout ({0}) while waiting for {1} log event(s) matching [{2}]: received {3}.",
                max, expectedCount, Description, actual);
        }
        else if (actual > expectedCount)
        {
            testKit.Assertions.Fail("Received {0} log event(s) matching [{1}] but expected {2}: {3} too many.",
                actual, Description, expectedCount, actual - expectedCount);
        }

        return result;
    }

    /// <summary>Waits until the filters matched <paramref name="expectedCount"/> events or <paramref name="max"/> passed; returns the count.</summary>
    private async Task<int> AwaitCountAsync(int expectedCount, TimeSpan max, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        // Let the listener catch up with everything published so far (events logged by the action).
        var flush = new TestEventListener.Flush();
        system.EventStream.Publish(flush);
        try
        {
            await flush.Done.Task.WaitAsync(max, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // No TestEventListener in this system (or it is overloaded): the count below tells.
        }

        while (Matched < expectedCount && Stopwatch.GetElapsedTime(start) < max)
        {
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }

        return Matched;
    }

    private int Matched => filters.Sum(f => f.MatchedCount);

    private string Description => string.Join(", ", filters);

    private static Func<Task<bool>> Wrap(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return () =>
        {
            action();
            return Task.FromResult(true);
        };
    }

    private static Func<Task<bool>> Wrap(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        };
    }

    private static Func<Task<T>> Wrap<T>(Func<T> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return () => Task.FromResult(func());
    }

    private sealed class Unmutable(EventFilterRegistry registry, IReadOnlyList<EventFilterBase> filters) : IUnmutableFilter
    {
        public void Unmute() => registry.Remove(filters);

        public void Dispose() => Unmute();
    }
}
