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
        self.Ask<T>(_ => message, timeout, cancellationToken);

    /// <summary>
    /// Sends the message built by <paramref name="messageFactory"/> (which gets the temporary reply
    /// reference) and completes with the reply. A <see cref="Status.Failure"/> reply faults the task
    /// with its cause; no reply within the timeout faults it with <see cref="AskTimeoutException"/>;
    /// a reply that is not a <typeparamref name="T"/> faults it with <see cref="InvalidCastException"/>.
    /// </summary>
    public static async Task<T> Ask<T>(this ICanTell self, Func<IActorRef, object> messageFactory, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(messageFactory);
        var provider = ResolveProvider(self) ?? throw new ArgumentException(
            $"Unsupported recipient type for Ask: {self.GetType()}.", nameof(self));
        var effectiveTimeout = timeout ?? provider.Settings.AskTimeout;
        var promise = new PromiseActorRef(provider, provider.TempPath());
        CancellationTokenSource? timer = null;
        CancellationTokenRegistration registration = default;
        if (effectiveTimeout != Timeout.InfiniteTimeSpan && effectiveTimeout >= TimeSpan.Zero)
        {
            timer = cancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
                : new CancellationTokenSource();
            timer.CancelAfter(effectiveTimeout);
            registration = timer.Token.Register(() =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    promise.TrySetCanceled(cancellationToken);
                }
                else
                {
                    promise.TrySetException(new AskTimeoutException($"Timeout after {effectiveTimeout} while waiting for a reply from {Describe(self)}."));
                }
            });
        }
        else if (cancellationToken.CanBeCanceled)
        {
            registration = cancellationToken.Register(() => promise.TrySetCanceled(cancellationToken));
        }

        try
        {
            self.Tell(messageFactory(promise), promise);
            var result = await promise.Result.ConfigureAwait(false);
            return result switch
            {
                T typed => typed,
                null when default(T) is null => default!,
                _ => throw new InvalidCastException(
                    $"Ask to {Describe(self)} expected a reply of type {typeof(T)} but received {result?.GetType()}: {result}"),
            };
        }
        finally
        {
            await registration.DisposeAsync().ConfigureAwait(false);
            timer?.Dispose();
        }
    }

    private static IActorRefProvider? ResolveProvider(ICanTell self) => self switch
    {
        IInternalActorRef internalRef when internalRef is not Nobody => internalRef.Provider,
        ActorSelection { Anchor: IInternalActorRef anchor } when anchor is not Nobody => anchor.Provider,
        _ => ActorCell.Current?.SystemImpl.Provider,
    };

    private static string Describe(ICanTell target) => target is IActorRef actorRef ? actorRef.Path.ToString() : target.ToString() ?? "?";
}
