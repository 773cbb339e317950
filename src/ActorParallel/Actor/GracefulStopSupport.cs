using ActorParallel.Dispatch.SysMsg;

namespace ActorParallel.Actor;

/// <summary>Stop an actor and wait until it has stopped.</summary>
public static class GracefulStopSupport
{
    /// <summary>Sends <see cref="PoisonPill"/>; completes with true once the target has stopped, or fails with
    /// <see cref="TaskCanceledException"/> if it did not stop within <paramref name="timeout"/> (as in Akka.NET).</summary>
    public static Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout) => target.GracefulStop(timeout, PoisonPill.Instance);

    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object stopMessage)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not IInternalActorRef internalTarget || target is Nobody)
        {
            return true;
        }

        var promise = new PromiseActorRef(internalTarget.Provider, internalTarget.Provider.TempPath());
        internalTarget.SendSystemMessage(new Watch(internalTarget, promise));
        target.Tell(stopMessage, ActorRefs.NoSender);
        try
        {
            var completed = await Task.WhenAny(promise.Result, Task.Delay(timeout)).ConfigureAwait(false);
            if (completed != promise.Result)
            {
                throw new TaskCanceledException($"{target} did not stop within {timeout}.");
            }

            return await promise.Result.ConfigureAwait(false) is Terminated;
        }
        finally
        {
            internalTarget.SendSystemMessage(new Unwatch(internalTarget, promise));
        }
    }
}
