namespace ActorParallel.Actor;

/// <summary>Sends a task's outcome to an actor: the value (or <c>success(value)</c>), or <see cref="Status.Failure"/>.</summary>
public static class PipeToSupport
{
    public static Task PipeTo<T>(this Task<T> taskToPipe, ICanTell recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null) =>
        PipeTo(taskToPipe, recipient, true, sender, success, failure);

    public static async Task PipeTo<T>(this Task<T> taskToPipe, ICanTell recipient, bool useConfigureAwait, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(taskToPipe);
        ArgumentNullException.ThrowIfNull(recipient);
        sender ??= ActorRefs.NoSender;
        try
        {
            var result = await taskToPipe.ConfigureAwait(useConfigureAwait);
            recipient.Tell(success is null ? result! : success(result), sender);
        }
        catch (Exception cause)
        {
            recipient.Tell(failure is null ? new Status.Failure(Unwrap(cause)) : failure(Unwrap(cause)), sender);
        }
    }

    public static Task PipeTo<T>(this ValueTask<T> taskToPipe, ICanTell recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null) =>
        taskToPipe.AsTask().PipeTo(recipient, sender, success, failure);

    public static Task PipeTo(this Task taskToPipe, ICanTell recipient, IActorRef? sender = null,
        Func<object>? success = null, Func<Exception, object>? failure = null) =>
        PipeTo(taskToPipe, recipient, true, sender, success, failure);

    public static async Task PipeTo(this Task taskToPipe, ICanTell recipient, bool useConfigureAwait, IActorRef? sender = null,
        Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(taskToPipe);
        ArgumentNullException.ThrowIfNull(recipient);
        sender ??= ActorRefs.NoSender;
        try
        {
            await taskToPipe.ConfigureAwait(useConfigureAwait);
            if (success is not null)
            {
                recipient.Tell(success(), sender);
            }
        }
        catch (Exception cause)
        {
            recipient.Tell(failure is null ? new Status.Failure(Unwrap(cause)) : failure(Unwrap(cause)), sender);
        }
    }

    private static Exception Unwrap(Exception cause) =>
        cause is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : cause;
}
