namespace ActorParallel.Actor;

/// <summary>The Ask pattern: send a message and get the reply as a task.</summary>
public static class Futures
{
    public static Task<object> Ask(this ICanTell self, object message, TimeSpan? timeout = null) =>
        self.Ask<object>(message, timeout, CancellationToken.None);

    public static Task<object> Ask(this ICanTell self, object message, CancellationToken cancellationToken) =>
        self.Ask<object>(message, null, cancellationToken);

    public static Task<object> Ask(this ICanTell self, object message, TimeSpan? timeout, CancellationToken cancellationToken) =>
        self.Ask<object>(message, timeout, cancellationToken);

    public static Task<T> Ask<T>(this ICanTell self, object message, TimeSpan? timeout = null) =>
        self.Ask<T>(message, timeout, CancellationToken.None);

    public static Task<T> Ask<T>(this ICanTell self, object message, CancellationToken cancellationToken) =>
        self.Ask<T>(message, null, cancellationToken);

    public static Task<T> Ask<T>(this ICanTell self, object message, TimeSpan? timeout, CancellationToken cancellationToken) =>
        AskCore<T>(self, null, message, timeout, cancellationToken);

    /// <summary>
    /// Sends the message built by <paramref name="messageFactory"/> (which gets the temporary reply
    /// reference) and completes with the reply. A <see cref="Status.Failure"/> reply faults the task
    /// with its cause; no reply within the timeout faults it with <see cref="AskTimeoutException"/>;
    /// a reply that is not a <typeparamref name="T"/> faults it with <see cref="InvalidCastException"/>.
    /// </summary>
    public static Task<T> Ask<T>(this ICanTell self, Func<IActorRef, object> messageFactory, TimeSpan? timeout, CancellationToken cancellationToken) =>
        messageFactory is null
            ? Task.FromException<T>(new ArgumentNullException(nameof(messageFactory)))
            : AskCore<T>(self, messageFactory, null, timeout, cancellationToken);

    /// <summary>
    /// The one Ask: no async state machine and no closure. The reply reference completes the task
    /// itself (type check, failure, timeout and cancellation included) and releases its timer, so
    /// the task returned is the promise's own. Argument errors fault the task, as they did when Ask was async.
    /// </summary>
    private static Task<T> AskCore<T>(ICanTell self, Func<IActorRef, object>? messageFactory, object? message, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (self is null)
        {
            return Task.FromException<T>(new ArgumentNullException(nameof(self)));
        }

        if (ResolveProvider(self) is not { } provider)
        {
            return Task.FromException<T>(new ArgumentException($"Unsupported recipient type for Ask: {self.GetType()}.", nameof(self)));
        }

        var promise = new PromiseActorRef<T>(provider, path: null, target: self);
        promise.Arm(timeout ?? provider.Settings.AskTimeout, cancellationToken);
        try
        {
            self.Tell(messageFactory is null ? message! : messageFactory(promise), promise);
        }
        catch (Exception cause)
        {
            promise.TrySetException(cause);
        }

        return promise.Task;
    }

    private static IActorRefProvider? ResolveProvider(ICanTell self) => self switch
    {
        IInternalActorRef internalRef when internalRef is not Nobody => internalRef.Provider,
        ActorSelection { Anchor: IInternalActorRef anchor } when anchor is not Nobody => anchor.Provider,
        _ => ActorCell.Current?.SystemImpl.Provider,
    };
}
