using ActorParallel.Dispatch.SysMsg;

namespace ActorParallel.Actor;

/// <summary>Death watch for code outside actors.</summary>
public static class WatchAsyncSupport
{
    /// <summary>Completes with true when <paramref name="target"/> stops; with false if <paramref name="cancellationToken"/> is cancelled first.</summary>
    public static async Task<bool> WatchAsync(this IActorRef target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not IInternalActorRef internalTarget || target is Nobody)
        {
            return true;
        }

        var promise = new PromiseActorRef(internalTarget.Provider, internalTarget.Provider.TempPath());
        internalTarget.SendSystemMessage(new Watch(internalTarget, promise));
        try
        {
            await promise.Result.WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            internalTarget.SendSystemMessage(new Unwatch(internalTarget, promise));
            return false;
        }
    }
}
