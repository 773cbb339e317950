namespace ActorParallel.Actor;

public static class CancelableExtensions
{
    /// <summary>Cancels <paramref name="cancelable"/> if it is not null.</summary>
    public static void CancelIfNotNull(this ICancelable? cancelable) => cancelable?.Cancel(false);
}
