namespace ActorParallel.TestKit;

/// <summary>
/// Runs code with EventFilters active and checks how many events they intercepted. Expect waits, after the
/// code ran, up to <c>timeout</c> (default: <c>actorparallel.test.filter-leeway</c>, dilated) for the
/// expected count, and fails on a timeout or on more events than expected.
/// </summary>
public interface IEventFilterApplier
{
    void ExpectOne(Action action, CancellationToken cancellationToken = default);

    void ExpectOne(TimeSpan timeout, Action action, CancellationToken cancellationToken = default);

    Task ExpectOneAsync(Action action, CancellationToken cancellationToken = default);

    Task ExpectOneAsync(Func<Task> actionAsync, CancellationToken cancellationToken = default);

    Task ExpectOneAsync(TimeSpan timeout, Action action, CancellationToken cancellationToken = default);

    Task ExpectOneAsync(TimeSpan timeout, Func<Task> actionAsync, CancellationToken cancellationToken = default);

    void Expect(int expectedCount, Action action, CancellationToken cancellationToken = default);

    void Expect(int expectedCount, TimeSpan timeout, Action action, CancellationToken cancellationToken = default);

    Task ExpectAsync(int expectedCount, Action action, CancellationToken cancellationToken = default);

    Task ExpectAsync(int expectedCount, Func<Task> actionAsync, CancellationToken cancellationToken = default);

    Task ExpectAsync(int expectedCount, TimeSpan timeout, Action action, CancellationToken cancellationToken = default);

    Task ExpectAsync(int expectedCount, TimeSpan timeout, Func<Task> actionAsync, CancellationToken cancellationToken = default);

    T ExpectOne<T>(Func<T> func, CancellationToken cancellationToken = default);

    T ExpectOne<T>(TimeSpan timeout, Func<T> func, CancellationToken cancellationToken = default);

    T Expect<T>(int expectedCount, Func<T> func, CancellationToken cancellationToken = default);

    T Expect<T>(int expectedCount, TimeSpan timeout, Func<T> func, CancellationToken cancellationToken = default);

    Task<T> ExpectOneAsync<T>(Func<Task<T>> func, CancellationToken cancellationToken = default);

    Task<T> ExpectOneAsync<T>(TimeSpan timeout, Func<Task<T>> func, CancellationToken cancellationToken = default);

    Task<T> ExpectAsync<T>(int expectedCount, Func<Task<T>> func, CancellationToken cancellationToken = default);

    Task<T> ExpectAsync<T>(int expectedCount, TimeSpan timeout, Func<Task<T>> func, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="func"/> with matching events intercepted (not printed), counting nothing.</summary>
    T Mute<T>(Func<T> func);

    void Mute(Action action);

    Task MuteAsync(Func<Task> func);

    Task<T> MuteAsync<T>(Func<Task<T>> func);

    /// <summary>Intercepts matching events until the returned filter is unmuted or disposed.</summary>
    IUnmutableFilter Mute();

    /// <summary>Adds another filter; the expected count then applies to all of them together.</summary>
    EventFilterFactory And { get; }
}
