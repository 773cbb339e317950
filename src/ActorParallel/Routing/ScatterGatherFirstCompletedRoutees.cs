using ActorParallel.Actor;

namespace ActorParallel.Routing;

/// <summary>
/// Asks every routee at once and sends the sender whichever answer completes first: a reply, the
/// <see cref="Status.Failure"/> of a routee, or, when none answers within <see cref="Within"/>, a
/// <see cref="Status.Failure"/> with an <see cref="AskTimeoutException"/>.
/// </summary>
public sealed class ScatterGatherFirstCompletedRoutees : Routee
{
    private readonly Routee[] _routees;

    public ScatterGatherFirstCompletedRoutees(Routee[] routees, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(routees);
        _routees = routees;
        Within = within;
    }

    public IReadOnlyList<Routee> Routees => _routees;

    public TimeSpan Within { get; }

    public override void Send(object message, IActorRef sender)
    {
        var first = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var routee in _routees)
        {
            routee.Ask(message, Within).ContinueWith(
                static (task, state) => Complete((TaskCompletionSource<object>)state!, task),
                first, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        _ = first.Task.PipeTo(sender, useConfigureAwait: false, failure: cause => new Status.Failure(cause is AskTimeoutException
            ? new AskTimeoutException($"Scatter-gather to {_routees.Length} routees got no reply within {Within}.", cause)
            : cause));
    }

    internal static void Complete(TaskCompletionSource<object> first, Task<object> answer)
    {
        if (answer.IsCompletedSuccessfully)
        {
            first.TrySetResult(answer.Result);
        }
        else if (answer.Exception?.InnerException is { } cause)
        {
            first.TrySetException(cause);
        }
        else
        {
            first.TrySetException(new AskTimeoutException("The ask was canceled."));
        }
    }
}
