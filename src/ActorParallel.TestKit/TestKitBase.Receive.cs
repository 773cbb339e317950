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
        var reader = _queue.Reader;
        if (reader.TryRead(out var envelope))
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

    private async ValueTask<MessageEnvelope> ReceiveEnvelopeAsync(TimeSpan? duration, string? hint, CancellationToken cancellationToken)
    {
        var timeout = RemainingOrDilated(duration);
        var envelope = await TryReceiveEnvelopeAsync(timeout, cancellationToken).ConfigureAwait(false);
        if (envelope is null)
        {
            Assertions.Fail("Timeout ({0}) while waiting for a message{1}", timeout, hint is null ? string.Empty : $": {hint}");
        }

        return envelope!;
    }

    private async ValueTask<T> ExpectCoreAsync<T>(TimeSpan? duration, Action<T, IActorRef>? check, string? hint, CancellationToken cancellationToken)
    {
        var envelope = await ReceiveEnvelopeAsync(duration, hint ?? $"expecting a message of type {typeof(T)}", cancellationToken).ConfigureAwait(false);
        if (envelope.Message is not T typed)
        {
            Assertions.Fail("Expected a message of type {0}, but received {1} (type {2}) instead{3}",
                typeof(T), envelope.Message, envelope.Message.GetType(), hint is null ? string.Empty : $": {hint}");
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
            Assertions.AssertEqual(message, actual, "Expected message {0} but received {1}{2}", message!, actual!, hint is null ? string.Empty : $": {hint}"),
            hint, cancellationToken);

    public T ExpectMsg<T>(T expected, Func<T, T, bool> comparer, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(expected, comparer, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgAsync<T>(T expected, Func<T, T, bool> comparer, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, (actual, _) =>
            Assertions.AssertEqual(expected, actual, comparer, "Expected message {0} but received {1}{2}", expected!, actual!, hint is null ? string.Empty : $": {hint}"),
            hint, cancellationToken);

    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(isMessage, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, (actual, _) =>
            Assertions.AssertTrue(isMessage(actual), "Got a message of the expected type {0} that did not match the predicate: {1}{2}", typeof(T), actual!, hint is null ? string.Empty : $": {hint}"),
            hint, cancellationToken);

    public T ExpectMsg<T>(Action<T> assert, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(assert, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgAsync<T>(Action<T> assert, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, (actual, _) => assert(actual), hint, cancellationToken);

    public T ExpectMsg<T>(Func<T, IActorRef, bool> isMessageAndSender, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, (actual, sender) =>
            Assertions.AssertTrue(isMessageAndSender(actual, sender), "Got a message of the expected type {0} from {1} that did not match: {2}{3}", typeof(T), sender, actual!, hint is null ? string.Empty : $": {hint}"),
            hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public T ExpectMsg<T>(Action<T, IActorRef> assertMessageAndSender, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, assertMessageAndSender, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects a message of type <typeparamref name="T"/> sent by <paramref name="sender"/>.</summary>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgFromAsync<T>(sender, duration, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<T> ExpectMsgFromAsync<T>(IActorRef sender, TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(duration, (_, actualSender) =>
            Assertions.AssertEqual(sender, actualSender, "Expected the message from {0} but it came from {1}{2}", sender, actualSender, hint is null ? string.Empty : $": {hint}"),
            hint, cancellationToken);

    public T ExpectMsgFrom<T>(IActorRef sender, T message, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, (actual, actualSender) =>
        {
            Assertions.AssertEqual(sender, actualSender, "Expected the message from {0} but it came from {1}", sender, actualSender);
            Assertions.AssertEqual(message, actual, "Expected message {0} but received {1}", message!, actual!);
        }, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects exactly these messages, in any order.</summary>
    public IReadOnlyCollection<T> ExpectMsgAllOf<T>(params T[] messages) => ExpectMsgAllOf(RemainingOrDefault, messages);

    public IReadOnlyCollection<T> ExpectMsgAllOf<T>(TimeSpan max, params T[] messages) =>
        ExpectMsgAllOfAsync(max, messages).AsTask().GetAwaiter().GetResult();

    public async ValueTask<IReadOnlyCollection<T>> ExpectMsgAllOfAsync<T>(TimeSpan max, params T[] messages)
    {
        var remaining = messages.ToList();
        var received = new List<T>();
        await WithinAsync(max, async () =>
        {
            while (remaining.Count > 0)
            {
                var message = await ExpectCoreAsync<T>(null, null, $"ExpectMsgAllOf still waiting for {string.Join(", ", remaining)}", CancellationToken.None).ConfigureAwait(false);
                var index = remaining.FindIndex(m => Equals(m, message));
                Assertions.AssertTrue(index >= 0, "ExpectMsgAllOf received unexpected {0}; still expecting {1}", message!, string.Join(", ", remaining));
                remaining.RemoveAt(index);
                received.Add(message);
            }
        }).ConfigureAwait(false);
        return received;
    }

    /// <summary>Fails if any message arrives within single-expect-default (or the remaining Within time).</summary>
    public void ExpectNoMsg() => ExpectNoMsgAsync().AsTask().GetAwaiter().GetResult();

    public void ExpectNoMsg(TimeSpan duration) => ExpectNoMsgAsync(duration).AsTask().GetAwaiter().GetResult();

    public void ExpectNoMsg(int milliseconds) => ExpectNoMsg(TimeSpan.FromMilliseconds(milliseconds));

    public ValueTask ExpectNoMsgAsync(CancellationToken cancellationToken = default) => ExpectNoMsgCoreAsync(RemainingOrDefault, cancellationToken);

    public ValueTask ExpectNoMsgAsync(TimeSpan duration, CancellationToken cancellationToken = default) =>
        ExpectNoMsgCoreAsync(RemainingOrDilated(duration), cancellationToken);

    private async ValueTask ExpectNoMsgCoreAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var envelope = await TryReceiveEnvelopeAsync(duration, cancellationToken).ConfigureAwait(false);
        if (envelope is not null)
        {
            Assertions.Fail("Expected no messages during {0}, instead received {1}", duration, envelope);
        }
    }

    /// <summary>Expects the <see cref="Terminated"/> of <paramref name="target"/> (watch it first with <see cref="Watch"/>).</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectTerminatedAsync(target, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    public ValueTask<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<Terminated>(timeout, (terminated, _) =>
            Assertions.AssertEqual(target, terminated.ActorRef, "Expected Terminated of {0} but got Terminated of {1}{2}", target, terminated.ActorRef, hint is null ? string.Empty : $": {hint}"),
            hint ?? $"Terminated of {target}", cancellationToken);
}
