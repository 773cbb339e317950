using System.Diagnostics;

namespace ActorParallel.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>
    /// Retries <paramref name="assertion"/> every <paramref name="interval"/> (default 100 ms) until it passes or
    /// <paramref name="duration"/> (default: remaining or single-expect-default, dilated) runs out; then its last failure is rethrown.
    /// </summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null, CancellationToken cancellationToken = default) =>
        AwaitAssertAsync(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, duration, interval, cancellationToken).GetAwaiter().GetResult();

    public Task AwaitAssertAsync(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null, CancellationToken cancellationToken = default) =>
        AwaitAssertAsync(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, duration, interval, cancellationToken);

    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var max = RemainingOrDilated(duration);
        var pause = interval ?? TimeSpan.FromMilliseconds(100);
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception) when (Stopwatch.GetElapsedTime(start) < max)
            {
                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void AwaitCondition(Func<bool> conditionIsFulfilled) => AwaitCondition(conditionIsFulfilled, null, null, null);

    public void AwaitCondition(Func<bool> conditionIsFulfilled, TimeSpan? max) => AwaitCondition(conditionIsFulfilled, max, null, null);

    public void AwaitCondition(Func<bool> conditionIsFulfilled, TimeSpan? max, string? message) => AwaitCondition(conditionIsFulfilled, max, null, message);

    /// <summary>Polls <paramref name="conditionIsFulfilled"/> until it is true; fails with <paramref name="message"/> after <paramref name="max"/>.</summary>
    public void AwaitCondition(Func<bool> conditionIsFulfilled, TimeSpan? max, TimeSpan? interval, string? message = null, CancellationToken cancellationToken = default) =>
        AwaitConditionAsync(() => Task.FromResult(conditionIsFulfilled()), max, interval, message, cancellationToken).GetAwaiter().GetResult();

    public Task AwaitConditionAsync(Func<bool> conditionIsFulfilled, TimeSpan? max = null, TimeSpan? interval = null, string? message = null, CancellationToken cancellationToken = default) =>
        AwaitConditionAsync(() => Task.FromResult(conditionIsFulfilled()), max, interval, message, cancellationToken);

    public async Task AwaitConditionAsync(Func<Task<bool>> conditionIsFulfilled, TimeSpan? max = null, TimeSpan? interval = null, string? message = null, CancellationToken cancellationToken = default)
    {
        if (!await AwaitConditionNoThrowAsync(conditionIsFulfilled, max, interval, cancellationToken).ConfigureAwait(false))
        {
            Assertions.Fail("Timeout {0} expired while waiting for condition. {1}", RemainingOrDilated(max), message ?? string.Empty);
        }
    }

    public bool AwaitConditionNoThrow(Func<bool> conditionIsFulfilled, TimeSpan max, TimeSpan? interval = null) =>
        AwaitConditionNoThrowAsync(() => Task.FromResult(conditionIsFulfilled()), max, interval, CancellationToken.None).GetAwaiter().GetResult();

    public Task<bool> AwaitConditionNoThrowAsync(Func<bool> conditionIsFulfilled, TimeSpan max, TimeSpan? interval = null, CancellationToken cancellationToken = default) =>
        AwaitConditionNoThrowAsync(() => Task.FromResult(conditionIsFulfilled()), max, interval, cancellationToken);

    /// <summary>Polls <paramref name="condition"/> until it is true (then true) or <paramref name="max"/> passes (then false).</summary>
    public async Task<bool> AwaitConditionNoThrowAsync(Func<Task<bool>> condition, TimeSpan? max, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        var limit = RemainingOrDilated(max);
        var pause = interval ?? TimeSpan.FromMilliseconds(50);
        var start = Stopwatch.GetTimestamp();
        while (!await condition().ConfigureAwait(false))
        {
            if (limit != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(start) >= limit)
            {
                return false;
            }

            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
