using ActorParallel.Dispatch.SysMsg;

namespace ActorParallel.Actor;

/// <summary>
/// A temporary reference that completes a task with the first message it receives: the reply target
/// of Ask. It is not an actor and is never registered. Its path (a fresh name under <c>/temp</c>) is
/// made only when something reads it, so an Ask whose reply target is only told costs this object,
/// the task and its completion source. A reply of the wrong type faults the task with
/// <see cref="InvalidCastException"/>, a <see cref="Status.Failure"/> with its cause; an armed timeout
/// with <see cref="AskTimeoutException"/>, a cancelled token cancels it.
/// </summary>
internal class PromiseActorRef<T> : MinimalActorRef
{
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What was asked, for error messages; null when the promise is not an Ask's.</summary>
    private readonly ICanTell? _target;

    /// <summary>Made on first read (see <see cref="Path"/>); installed by CAS so every reader sees the same path.</summary>
    private ActorPath? _path;

    /// <summary>The timeout's one-shot timer; taken (exchanged to null) and disposed by whoever completes the promise.</summary>
    private Timer? _timer;

    /// <summary>The cancellation token's registration; set before the message is sent, unregistered on completion.</summary>
    private CancellationTokenRegistration _cancellation;

    private TimeSpan _timeout;
    private CancellationToken _token;

    public PromiseActorRef(IActorRefProvider provider, ActorPath? path = null, ICanTell? target = null)
    {
        Provider = provider;
        _path = path?.WithUid(ActorCellUid.NewUid());
        _target = target;
    }

    public override ActorPath Path => Volatile.Read(ref _path) ?? CreatePath();

    public override IActorRefProvider Provider { get; }

    public Task<T> Task => _promise.Task;

    public override bool IsTerminated => _promise.Task.IsCompleted;

    private ActorPath CreatePath()
    {
        // Racing readers may each make one; the first installed wins and the other number is simply unused.
        var fresh = Provider.TempPath().WithUid(ActorCellUid.NewUid());
        return Interlocked.CompareExchange(ref _path, fresh, null) ?? fresh;
    }

    /// <summary>Starts the timeout (unless infinite) and watches the token; called once, before the message is sent.</summary>
    public void Arm(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _timeout = timeout;
        _token = cancellationToken;
        if (cancellationToken.CanBeCanceled)
        {
            // Runs at once, on this thread, when the token is already cancelled (the message is still sent, as before).
            _cancellation = cancellationToken.UnsafeRegister(static state => ((PromiseActorRef<T>)state!).OnCancelled(), this);
        }

        if (timeout != Timeout.InfiniteTimeSpan && timeout >= TimeSpan.Zero && !_promise.Task.IsCompleted)
        {
            var timer = new Timer(static state => ((PromiseActorRef<T>)state!).OnTimeout(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Volatile.Write(ref _timer, timer);
            timer.Change(timeout, Timeout.InfiniteTimeSpan);
        }
    }

    protected override void TellInternal(object message, IActorRef sender)
    {
        switch (message)
        {
            case Status.Failure failure:
                TrySetException(failure.Cause);
                break;
            case T typed:
                if (_promise.TrySetResult(typed))
                {
                    Release();
                }

                break;
            default:
                TrySetException(new InvalidCastException(
                    $"Ask to {Describe(_target)} expected a reply of type {typeof(T)} but received {message.GetType()}: {message}"));
                break;
        }
    }

    public override void SendSystemMessage(ISystemMessage message)
    {
        // Used by GracefulStop and WatchAsync: the watched target's death completes the promise.
        if (message is DeathWatchNotification notification
            && new Terminated(notification.Actor, notification.ExistenceConfirmed, notification.AddressTerminated) is T terminated
            && _promise.TrySetResult(terminated))
        {
            Release();
        }
    }

    public bool TrySetException(Exception cause)
    {
        if (!_promise.TrySetException(cause))
        {
            return false;
        }

        Release();
        return true;
    }

    public void TrySetCanceled(CancellationToken token)
    {
        if (_promise.TrySetCanceled(token))
        {
            Release();
        }
    }

    private void OnTimeout()
    {
        if (_token.IsCancellationRequested)
        {
            TrySetCanceled(_token);
        }
        else
        {
            TrySetException(new AskTimeoutException($"Timeout after {_timeout} while waiting for a reply from {Describe(_target)}."));
        }
    }

    private void OnCancelled() => TrySetCanceled(_token);

    /// <summary>Stops the timer and the token watch once the promise is complete; thread-safe, idempotent, never waits.</summary>
    private void Release()
    {
        Interlocked.Exchange(ref _timer, null)?.Dispose();
        _cancellation.Unregister();
    }

    internal static string Describe(ICanTell? target) => target switch
    {
        null => "?",
        IActorRef actorRef => actorRef.Path.ToString(),
        _ => target.ToString() ?? "?",
    };
}

/// <summary>The untyped promise GracefulStop and WatchAsync watch with: completes with whatever arrives.</summary>
internal sealed class PromiseActorRef(IActorRefProvider provider, ActorPath path) : PromiseActorRef<object>(provider, path)
{
    public Task<object> Result => Task;
}
