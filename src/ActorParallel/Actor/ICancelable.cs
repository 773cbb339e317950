namespace ActorParallel.Actor;

/// <summary>A handle to cancel scheduled work.</summary>
public interface ICancelable
{
    void Cancel();

    void Cancel(bool throwOnFirstException);

    void CancelAfter(TimeSpan delay);

    void CancelAfter(int millisecondsDelay);

    bool IsCancellationRequested { get; }

    CancellationToken Token { get; }
}
