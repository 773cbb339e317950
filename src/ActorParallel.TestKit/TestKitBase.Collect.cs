using System.Collections;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ActorParallel.TestKit;

/// <summary>Expectations over several messages: all-of, any-of, fishing, receive-while and receive-n.</summary>
public abstract partial class TestKitBase
{
    /// <summary>Expects exactly <paramref name="messages"/>, in any order, within the remaining time (or single-expect-default).</summary>
    public IReadOnlyCollection<T> ExpectMsgAllOf<T>(params T[] messages) => ExpectMsgAllOf((IReadOnlyCollection<T>)messages);

    public IReadOnlyCollection<T> ExpectMsgAllOf<T>(TimeSpan max, params T[] messages) => ExpectMsgAllOf(max, (IReadOnlyCollection<T>)messages);

    public IReadOnlyCollection<T> ExpectMsgAllOf<T>(IReadOnlyCollection<T> messages, CancellationToken cancellationToken = default) =>
        ExpectMsgAllOfCoreAsync(RemainingOrDefault, messages, cancellationToken).AsTask().GetAwaiter().GetResult();

    public IReadOnlyCollection<T> ExpectMsgAllOf<T>(TimeSpan max, IReadOnlyCollection<T> messages, CancellationToken cancellationToken = default) =>
        ExpectMsgAllOfCoreAsync(RemainingOrDilated(max), messages, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>The messages in the order received, once all of <paramref name="messages"/> have arrived.</summary>
    public async IAsyncEnumerable<T> ExpectMsgAllOfAsync<T>(IReadOnlyCollection<T> messages, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var message in await ExpectMsgAllOfCoreAsync(RemainingOrDefault, messages, cancellationToken).ConfigureAwait(false))
        {
            yield return message;
        }
    }

    public async IAsyncEnumerable<T> ExpectMsgAllOfAsync<T>(TimeSpan max, IReadOnlyCollection<T> messages, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var message in await ExpectMsgAllOfCoreAsync(RemainingOrDilated(max), messages, cancellationToken).ConfigureAwait(false))
        {
            yield return message;
        }
    }

    private async ValueTask<IReadOnlyCollection<T>> ExpectMsgAllOfCoreAsync<T>(TimeSpan max, IReadOnlyCollection<T> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var missing = messages.ToList();
        var received = new List<T>();
        var unexpected = new List<object>();
        var deadline = Deadline(max);
        while (received.Count + unexpected.Count < messages.Count)
        {
            var envelope = await TryReceiveEnvelopeAsync(Until(deadline), cancellationToken).ConfigureAwait(false);
            if (envelope is null)
            {
                Assertions.Fail("Timeout ({0}) while waiting for all of [{1}]: received [{2}], missing [{3}].",
                    max, Join(messages), Join(received.Cast<object>().Concat(unexpected)), Join(missing));
                return received;
            }

            var index = envelope.Message is T typed ? missing.FindIndex(m => Equals(m, typed)) : -1;
            if (index < 0)
            {
                unexpected.Add(envelope.Message);
                continue;
            }

            received.Add((T)envelope.Message);
            missing.RemoveAt(index);
        }

        if (unexpected.Count > 0)
        {
            Assertions.Fail("Expected all of [{0}]: received unexpected [{1}], missing [{2}].", Join(messages), Join(unexpected), Join(missing));
        }

        return received;
    }

    /// <summary>Expects one message equal to one of <paramref name="messages"/>.</summary>
    public T ExpectMsgAnyOf<T>(IEnumerable<T> messages, CancellationToken cancellationToken = default) =>
        ExpectMsgAnyOfAsync(messages, cancellationToken).AsTask().GetAwaiter().GetResult();

    public T ExpectMsgAnyOf<T>(params T[] messages) => ExpectMsgAnyOf((IEnumerable<T>)messages);

    public ValueTask<T> ExpectMsgAnyOfAsync<T>(IEnumerable<T> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var candidates = messages.ToList();
        return ExpectCoreAsync<T>(null, (actual, _) =>
            Assertions.AssertTrue(candidates.Contains(actual), "Expected any of [{0}], but received <{1}>.", Join(candidates), actual!),
            null, cancellationToken, $"any of [{Join(candidates)}]");
    }

    /// <summary>Receives messages, discarding them, until one satisfies <paramref name="isMessage"/>, which it returns.</summary>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? max = null, string hint = "", CancellationToken cancellationToken = default) =>
        FishForMessageAsync(isMessage, max, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<object> FishForMessageAsync(Predicate<object> isMessage, TimeSpan? max = null, string hint = "", CancellationToken cancellationToken = default) =>
        FishForMessageAsync<object>(isMessage, null, max, hint, cancellationToken);

    /// <summary>Receives messages until one of type <typeparamref name="T"/> satisfies <paramref name="isMessage"/>; other messages are discarded.</summary>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? max = null, string hint = "", CancellationToken cancellationToken = default) =>
        FishForMessageAsync(isMessage, null, max, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>As <see cref="FishForMessage{T}(Predicate{T}, TimeSpan?, string, CancellationToken)"/>, collecting the discarded messages in <paramref name="allMessages"/>.</summary>
    public T FishForMessage<T>(Predicate<T> isMessage, ArrayList? allMessages, TimeSpan? max = null, string hint = "", CancellationToken cancellationToken = default) =>
        FishForMessageAsync(isMessage, allMessages, max, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? max = null, string hint = "", CancellationToken cancellationToken = default) =>
        FishForMessageAsync(isMessage, null, max, hint, cancellationToken);

    public async ValueTask<T> FishForMessageAsync<T>(Predicate<T> isMessage, ArrayList? allMessages, TimeSpan? max = null, string hint = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var timeout = RemainingOrDilated(max);
        var deadline = Deadline(timeout);
        var discarded = 0;
        while (true)
        {
            var envelope = await TryReceiveEnvelopeAsync(Until(deadline), cancellationToken).ConfigureAwait(false);
            if (envelope is null)
            {
                Assertions.Fail("Timeout ({0}) while fishing for a message of type {1} matching the predicate: {2} other message(s) discarded.{3}",
                    timeout, typeof(T), discarded, Hint(hint));
                return default!;
            }

            if (envelope.Message is T typed && isMessage(typed))
            {
                return typed;
            }

            discarded++;
            allMessages?.Add(envelope.Message);
        }
    }

    /// <summary>Receives, discarding, until a message of type <typeparamref name="T"/> (matching <paramref name="isMessage"/>, if given) arrives.</summary>
    public async Task FishUntilMessageAsync<T>(Predicate<T>? isMessage = null, TimeSpan? max = null, CancellationToken cancellationToken = default) =>
        await FishForMessageAsync<T>(m => isMessage is null || isMessage(m), null, max, string.Empty, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Receives until no message arrives for <paramref name="max"/> (default: remaining or single-expect-default)
    /// and returns what arrived; fails if more than <paramref name="maxMessages"/> arrive first.
    /// </summary>
    public async Task<ArrayList> WaitForRadioSilenceAsync(TimeSpan? max = null, uint? maxMessages = null, CancellationToken cancellationToken = default)
    {
        var silence = RemainingOrDilated(max);
        var messages = new ArrayList();
        while (await TryReceiveEnvelopeAsync(silence, cancellationToken).ConfigureAwait(false) is { } envelope)
        {
            messages.Add(envelope.Message);
            if (maxMessages is { } limit && messages.Count > limit)
            {
                Assertions.Fail("Expected radio silence after at most {0} message(s), but received {1}: [{2}].", limit, messages.Count, Join(messages.Cast<object>()));
            }
        }

        return messages;
    }

    /// <summary>
    /// Receives messages while <c>filter</c> maps them to non-null results, at most
    /// <c>msgs</c>, until <c>max</c> runs out or no message arrives within <c>idle</c>. The message
    /// that stops it stays in the queue.
    /// </summary>
    public IReadOnlyList<T> ReceiveWhile<T>(TimeSpan? max, Func<object, T?> filter, int msgs = int.MaxValue, CancellationToken cancellationToken = default)
        where T : class =>
        ReceiveWhile(filter, max, null, msgs, cancellationToken);

    public IReadOnlyList<T> ReceiveWhile<T>(TimeSpan? max, TimeSpan? idle, Func<object, T?> filter, int msgs = int.MaxValue, CancellationToken cancellationToken = default)
        where T : class =>
        ReceiveWhile(filter, max, idle, msgs, cancellationToken);

    public IReadOnlyList<T> ReceiveWhile<T>(Func<object, T?> filter, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue, CancellationToken cancellationToken = default)
        where T : class =>
        Drain(ReceiveWhileAsync(filter, max, idle, msgs, cancellationToken));

    /// <summary>
    /// Receives messages of type <typeparamref name="T"/> while <paramref name="shouldContinue"/> holds (the one that
    /// fails it is consumed); other messages are skipped, or stop it if <paramref name="shouldIgnoreOtherMessageTypes"/> is false.
    /// </summary>
    public IReadOnlyList<T> ReceiveWhile<T>(Predicate<T> shouldContinue, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue,
        bool shouldIgnoreOtherMessageTypes = true, CancellationToken cancellationToken = default) =>
        Drain(ReceiveWhileAsync(shouldContinue, max, idle, msgs, shouldIgnoreOtherMessageTypes, cancellationToken));

    public IAsyncEnumerable<T> ReceiveWhileAsync<T>(TimeSpan? max, Func<object, T?> filter, int msgs = int.MaxValue, CancellationToken cancellationToken = default)
        where T : class =>
        ReceiveWhileAsync(filter, max, null, msgs, cancellationToken);

    public IAsyncEnumerable<T> ReceiveWhileAsync<T>(TimeSpan? max, TimeSpan? idle, Func<object, T?> filter, int msgs = int.MaxValue, CancellationToken cancellationToken = default)
        where T : class =>
        ReceiveWhileAsync(filter, max, idle, msgs, cancellationToken);

    public async IAsyncEnumerable<T> ReceiveWhileAsync<T>(Func<object, T?> filter, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(filter);
        var deadline = Deadline(RemainingOrDilated(max));
        for (var count = 0; count < msgs; count++)
        {
            var envelope = await TryReceiveEnvelopeAsync(IdleOrUntil(idle, deadline), cancellationToken).ConfigureAwait(false);
            if (envelope is null)
            {
                yield break;
            }

            var result = filter(envelope.Message);
            if (result is null)
            {
                _putBack.Push(envelope);
                yield break;
            }

            yield return result;
        }
    }

    public async IAsyncEnumerable<T> ReceiveWhileAsync<T>(Predicate<T> shouldContinue, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue,
        bool shouldIgnoreOtherMessageTypes = true, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shouldContinue);
        var deadline = Deadline(RemainingOrDilated(max));
        var count = 0;
        while (count < msgs)
        {
            var envelope = await TryReceiveEnvelopeAsync(IdleOrUntil(idle, deadline), cancellationToken).ConfigureAwait(false);
            if (envelope is null)
            {
                yield break;
            }

            if (envelope.Message is not T typed)
            {
                if (shouldIgnoreOtherMessageTypes)
                {
                    continue;
                }

                _putBack.Push(envelope);
                yield break;
            }

            if (!shouldContinue(typed))
            {
                yield break;
            }

            count++;
            yield return typed;
        }
    }

    /// <summary>Receives exactly <paramref name="numberOfMessages"/> messages within the remaining time (or single-expect-default).</summary>
    public IReadOnlyCollection<object> ReceiveN(int numberOfMessages, CancellationToken cancellationToken = default) =>
        Drain(ReceiveNAsync(numberOfMessages, cancellationToken));

    public IReadOnlyCollection<object> ReceiveN(int numberOfMessages, TimeSpan max, CancellationToken cancellationToken = default) =>
        Drain(ReceiveNAsync(numberOfMessages, max, cancellationToken));

    public IAsyncEnumerable<object> ReceiveNAsync(int numberOfMessages, CancellationToken cancellationToken = default) =>
        ReceiveNCoreAsync(numberOfMessages, RemainingOrDefault, cancellationToken);

    public IAsyncEnumerable<object> ReceiveNAsync(int numberOfMessages, TimeSpan max, CancellationToken cancellationToken = default) =>
        ReceiveNCoreAsync(numberOfMessages, RemainingOrDilated(max), cancellationToken);

    private async IAsyncEnumerable<object> ReceiveNCoreAsync(int numberOfMessages, TimeSpan max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numberOfMessages);
        var deadline = Deadline(max);
        for (var i = 0; i < numberOfMessages; i++)
        {
            var envelope = await TryReceiveEnvelopeAsync(Until(deadline), cancellationToken).ConfigureAwait(false);
            if (envelope is null)
            {
                Assertions.Fail("Timeout ({0}) while expecting {1} messages: only {2} arrived.", max, numberOfMessages, i);
                yield break;
            }

            yield return envelope.Message;
        }
    }

    private static IReadOnlyList<T> Drain<T>(IAsyncEnumerable<T> source) => source.ToListAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The Stopwatch timestamp <paramref name="duration"/> from now; long.MaxValue for an infinite duration.</summary>
    private static long Deadline(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);

    private static TimeSpan Until(long deadline)
    {
        if (deadline == long.MaxValue)
        {
            return Timeout.InfiniteTimeSpan;
        }

        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
        return left < TimeSpan.Zero ? TimeSpan.Zero : left;
    }

    private TimeSpan IdleOrUntil(TimeSpan? idle, long deadline)
    {
        var left = Until(deadline);
        if (idle is not { } pause)
        {
            return left;
        }

        var dilated = Dilated(pause);
        return left == Timeout.InfiniteTimeSpan || dilated < left ? dilated : left;
    }

    private static string Join<T>(IEnumerable<T> items) => string.Join(", ", items);
}
