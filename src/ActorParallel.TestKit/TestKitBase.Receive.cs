using ActorParallel.Actor;

namespace ActorParallel.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>The next message, or null if none arrives within <paramref name="max"/> (default: remaining or single-expect-default).</summary>
    public object? ReceiveOne(TimeSpan? max = null, CancellationToken cancellationToken = default) =>
        ReceiveOneAsync(max, cancellationToken).AsTask().GetAwaiter().GetResult();

    public async ValueTask<object?> ReceiveOneAsync(TimeSpan? max = null, CancellationToken cancellationToken = default) =>
        (await TryReceiveEnvelopeAsync(RemainingOrDilated(max), cancellationToken).ConfigureAwait(false))?.Message;

    /// <summary>Waits for the next envelope up to <paramref name="timeout"/>; null on timeout.</summary>
    private async ValueTask<MessageEnvelope?> TryReceiveEnvelopeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_putBack.TryPop(out var envelope))
        {
            Record(envelope);
            return envelope;
        }

        var reader = _queue.Reader;
        if (reader.TryRead(out envelope))
        {
            Record(envelope);
            return envelope;
        }

        if (timeout == TimeSpan.Zero)
        {
            return null;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            timer.CancelAfter(timeout);
        }

        try
        {
            while (await reader.WaitToReadAsync(timer.Token).ConfigureAwait(false))
            {
                if (reader.TryRead(out envelope))
                {
                    Record(envelope);
                    return envelope;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timeout elapsed.
        }

        return null;
    }

    private static string Hint(string? hint) => string.IsNullOrEmpty(hint) ? string.Empty : $" Hint: {hint}";

    /// <summary>The next envelope; fails, saying what was <paramref name="expected"/>, if none arrives in time.</summary>
    private async ValueTask<MessageEnvelope> ReceiveEnvelopeAsync(TimeSpan? duration, string expected, string? hint, CancellationToken cancellationToken)
    {
        var timeout = RemainingOrDilated(duration);
        var envelope = await TryReceiveEnvelopeAsync(timeout, cancellationToken).ConfigureAwait(false);
        if (envelope is null)
        {
            Assertions.Fail("Timeout ({0}) while waiting for {1}: no message arrived.{2}", timeout, expected, Hint(hint));
        }

        return envelope!;
    }

    private async ValueTask<T> ExpectCoreAsync<T>(TimeSpan? duration, Action<T, IActorRef>? check, string? hint, CancellationToken cancellationToken, string? expected = null)
    {
        var envelope = await ReceiveEnvelopeAsync(duration, expected ?? $"a message of type {typeof(T)}", hint, cancellationToken).ConfigureAwait(false);
        if (envelope.Message is not T typed)
        {
            Assertions.Fail("Expected {0}, but received {1} of type {2} from {3}.{4}",
                expected ?? $"a message of type {typeof(T)}", envelope.Message, envelope.Message.GetType(), envelope.Sender, Hint(hint));
            return default!;
        }

        check?.Invoke(typed, envelope.Sender);
        return typed;
    }

    public T ExpectMsg<T>(TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync<T>(duration, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgAsync<T>(TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(duration, null, hint, cancellationToken);

    public T ExpectMsg<T>(T message, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(message, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgAsync<T>(T message, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, (actual, _) =>
            Assertions.AssertEqual(message, actual, "Expected message <{0}> but received <{1}>.{2}", message!, actual!, Hint(hint)),
            hint, cancellationToken, $"message <{message}>");

    public T ExpectMsg<T>(T expected, Func<T, T, bool> comparer, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(expected, comparer, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgAsync<T>(T expected, Func<T, T, bool> comparer, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, (actual, _) =>
            Assertions.AssertEqual(expected, actual, comparer, "Expected message <{0}> but received <{1}>.{2}", expected!, actual!, Hint(hint)),
            hint, cancellationToken, $"message <{expected}>");

    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(isMessage, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, (actual, _) =>
            Assertions.AssertTrue(isMessage(actual), "Received <{1}> of the expected type {0}, but it did not match the predicate.{2}", typeof(T), actual!, Hint(hint)),
            hint, cancellationToken);

    public T ExpectMsg<T>(Action<T> assert, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(assert, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgAsync<T>(Action<T> assert, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, (actual, _) => assert(actual), hint, cancellationToken);

    public T ExpectMsg<T>(Func<T, IActorRef, bool> isMessageAndSender, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(isMessageAndSender, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgAsync<T>(Func<T, IActorRef, bool> isMessageAndSender, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, (actual, sender) =>
            Assertions.AssertTrue(isMessageAndSender(actual, sender), "Received <{2}> of the expected type {0} from {1}, but it did not match the predicate.{3}", typeof(T), sender, actual!, Hint(hint)),
            hint, cancellationToken);

    public T ExpectMsg<T>(Action<T, IActorRef> assertMessageAndSender, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(assertMessageAndSender, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgAsync<T>(Action<T, IActorRef> assertMessageAndSender, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync(timeout, assertMessageAndSender ?? throw new ArgumentNullException(nameof(assertMessageAndSender)), hint, cancellationToken);

    /// <summary>Expects a message of type <typeparamref name="T"/> sent by <paramref name="sender"/>.</summary>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgFromAsync<T>(sender, duration, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgFromAsync<T>(IActorRef sender, TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(duration, (_, actual) => AssertSender(sender, actual, hint), hint, cancellationToken, $"a message of type {typeof(T)} from {sender}");

    public T ExpectMsgFrom<T>(IActorRef sender, T message, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgFromAsync(sender, message, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgFromAsync<T>(IActorRef sender, T message, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, (actual, actualSender) =>
        {
            AssertSender(sender, actualSender, hint);
            Assertions.AssertEqual(message, actual, "Expected message <{0}> but received <{1}>.{2}", message!, actual!, Hint(hint));
        }, hint, cancellationToken, $"message <{message}> from {sender}");

    public T ExpectMsgFrom<T>(IActorRef sender, Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgFromAsync(sender, isMessage, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgFromAsync<T>(IActorRef sender, Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, (actual, actualSender) =>
        {
            AssertSender(sender, actualSender, hint);
            Assertions.AssertTrue(isMessage(actual), "Received <{1}> of the expected type {0}, but it did not match the predicate.{2}", typeof(T), actual!, Hint(hint));
        }, hint, cancellationToken, $"a message of type {typeof(T)} from {sender}");

    public T ExpectMsgFrom<T>(IActorRef sender, Action<T> assertMessage, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgFromAsync(sender, assertMessage, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgFromAsync<T>(IActorRef sender, Action<T> assertMessage, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, (actual, actualSender) =>
        {
            AssertSender(sender, actualSender, hint);
            assertMessage(actual);
        }, hint, cancellationToken, $"a message of type {typeof(T)} from {sender}");

    public T ExpectMsgFrom<T>(Predicate<IActorRef> isSender, Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, (actual, actualSender) =>
        {
            Assertions.AssertTrue(isSender(actualSender), "Received <{0}> from {1}, which did not match the sender predicate.{2}", actual!, actualSender, Hint(hint));
            Assertions.AssertTrue(isMessage(actual), "Received <{1}> of the expected type {0}, but it did not match the predicate.{2}", typeof(T), actual!, Hint(hint));
        }, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    private void AssertSender(IActorRef expected, IActorRef actual, string? hint) =>
        Assertions.AssertEqual(expected, actual, "Expected the message from {0}, but it came from {1}.{2}", expected, actual, Hint(hint));

    /// <summary>Fails if any message arrives within single-expect-default (or the remaining Within time).</summary>
    public void ExpectNoMsg(CancellationToken cancellationToken = default) => ExpectNoMsgAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

    public void ExpectNoMsg(TimeSpan duration, CancellationToken cancellationToken = default) =>
        ExpectNoMsgAsync(duration, cancellationToken).AsTask().GetAwaiter().GetResult();

    public void ExpectNoMsg(int milliseconds, CancellationToken cancellationToken = default) =>
        ExpectNoMsg(TimeSpan.FromMilliseconds(milliseconds), cancellationToken);

    public ValueTask ExpectNoMsgAsync(int milliseconds, CancellationToken cancellationToken = default) =>
        ExpectNoMsgAsync(TimeSpan.FromMilliseconds(milliseconds), cancellationToken);

    public ValueTask ExpectNoMsgAsync(CancellationToken cancellationToken = default) => ExpectNoMsgCoreAsync(RemainingOrDefault, cancellationToken);

    public ValueTask ExpectNoMsgAsync(TimeSpan duration, CancellationToken cancellationToken = default) =>
        ExpectNoMsgCoreAsync(RemainingOrDilated(duration), cancellationToken);

    private async ValueTask ExpectNoMsgCoreAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var envelope = await TryReceiveEnvelopeAsync(duration, cancellationToken).ConfigureAwait(false);
        if (envelope is not null)
        {
            Assertions.Fail("Expected no message during {0}, but received {1}.", duration, envelope);
        }
    }

    /// <summary>Expects the <see cref="Terminated"/> of <paramref name="target"/> (watch it first with <see cref="Watch"/>).</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectTerminatedAsync(target, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<Terminated>(timeout, (terminated, _) =>
            Assertions.AssertEqual(target, terminated.ActorRef, "Expected Terminated of {0} but received Terminated of {1}.{2}", target, terminated.ActorRef, Hint(hint)),
            hint, cancellationToken, $"Terminated of {target} (did you Watch it?)");
}
