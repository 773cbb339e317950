using System.Diagnostics;

namespace ActorParallel.TestKit;

public abstract partial class TestKitBase
{
    public void Within(TimeSpan max, Action action, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default) =>
        Within(TimeSpan.Zero, max, action, null, epsilonValue, cancellationToken);

    /// <summary>Runs <paramref name="action"/> with expectations capped at <paramref name="max"/> (dilated); fails if it took less than <paramref name="min"/> or more than max.</summary>
    public void Within(TimeSpan min, TimeSpan max, Action action, string? hint = null, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default) =>
        WithinAsync(min, max, () =>
        {
            action();
            return Task.CompletedTask;
        }, hint, epsilonValue, cancellationToken).GetAwaiter().GetResult();

    public T Within<T>(TimeSpan max, Func<T> function, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default) =>
        Within(TimeSpan.Zero, max, function, null, epsilonValue, cancellationToken);

    public T Within<T>(TimeSpan min, TimeSpan max, Func<T> function, string? hint = null, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default) =>
        WithinAsync(min, max, () => Task.FromResult(function()), hint, epsilonValue, cancellationToken).GetAwaiter().GetResult();

    public Task WithinAsync(TimeSpan max, Func<Task> function, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default) =>
        WithinAsync(TimeSpan.Zero, max, function, null, epsilonValue, cancellationToken);

    public async Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> function, string? hint = null, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default) =>
        await WithinAsync(min, max, async () =>
        {
            await function().ConfigureAwait(false);
            return true;
        }, hint, epsilonValue, cancellationToken).ConfigureAwait(false);

    public Task<T> WithinAsync<T>(TimeSpan max, Func<Task<T>> function, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default) =>
        WithinAsync(TimeSpan.Zero, max, function, null, epsilonValue, cancellationToken);

    public async Task<T> WithinAsync<T>(TimeSpan min, TimeSpan max, Func<Task<T>> function, string? hint = null, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        cancellationToken.ThrowIfCancellationRequested();
        var dilatedMax = Dilated(max);
        var start = Stopwatch.GetTimestamp();
        var previous = _end;
        var end = start + (long)(dilatedMax.TotalSeconds * Stopwatch.Frequency);
        _end = previous is { } outer && outer < end ? outer : end;
        T result;
        try
        {
            result = await function().ConfigureAwait(false);
        }
        finally
        {
            _end = previous;
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        Assertions.AssertTrue(elapsed >= min, "Failed: block took {0}, should have taken at least {1}. {2}", elapsed, min, hint ?? string.Empty);
        var epsilon = epsilonValue ?? TimeSpan.Zero;
        Assertions.AssertTrue(elapsed <= dilatedMax + epsilon, "Failed: block took {0}, exceeding {1}. {2}", elapsed, dilatedMax, hint ?? string.Empty);
        return result;
    }
}
