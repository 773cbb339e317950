using ActorParallel.Dispatch.SysMsg;

namespace ActorParallel.Actor;

/// <summary>
/// A temporary reference that completes a task with the first message it receives: the reply target
/// of Ask. It is not an actor and is never registered, so creating one costs two small objects.
/// </summary>
internal sealed class PromiseActorRef : MinimalActorRef
{
    private readonly TaskCompletionSource<object> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorPath _path;

    public PromiseActorRef(IActorRefProvider provider, ActorPath path)
    {
        Provider = provider;
        _path = path.WithUid(ActorCellUid.NewUid());
    }

    public override ActorPath Path => _path;

    public override IActorRefProvider Provider { get; }

    public Task<object> Result => _promise.Task;

    public override bool IsTerminated => _promise.Task.IsCompleted;

    protected override void TellInternal(object message, IActorRef sender)
    {
        if (message is Status.Failure failure)
        {
            _promise.TrySetException(failure.Cause);
        }
        else
        {
            _promise.TrySetResult(message);
        }
    }

    public override void SendSystemMessage(ISystemMessage message)
    {
        // Used by GracefulStop: the watched target's death completes the promise.
        if (message is DeathWatchNotification notification)
        {
            _promise.TrySetResult(new Terminated(notification.Actor, notification.ExistenceConfirmed, notification.AddressTerminated));
        }
    }

    public bool TrySetException(Exception cause) => _promise.TrySetException(cause);

    public void TrySetCanceled(CancellationToken token) => _promise.TrySetCanceled(token);
}
