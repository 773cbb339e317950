using System.Runtime.ExceptionServices;
using ActorParallel.Dispatch;
using ActorParallel.Dispatch.SysMsg;

namespace ActorParallel.Actor;

public sealed partial class ActorCell
{
    /// <summary>
    /// Runs an async handler. It starts synchronously; if its task completes at once nothing else
    /// happens. Otherwise the mailbox is suspended (no next message) until the task completes, and
    /// every continuation is posted back to this actor as a system message, so Context, Self and
    /// Sender stay valid after each await.
    /// </summary>
    internal void RunTask(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var envelope = _currentEnvelope;
        var context = new ActorSynchronizationContext(this, envelope);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = action() ?? Task.CompletedTask;
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            ThrowIfFailed(task);
            return;
        }

        Mailbox.Suspend();
        var incarnation = _incarnation;
        task.ContinueWith(
            static (completed, state) =>
            {
                var (cell, envelope, incarnation) = ((ActorCell, Envelope, int))state!;
                cell.Self.SendSystemMessage(new AsyncTaskCompleted(completed, envelope, incarnation));
            },
            (this, envelope, incarnation),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static void ThrowIfFailed(Task task)
    {
        if (task.IsFaulted)
        {
            var cause = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            ExceptionDispatchInfo.Capture(cause).Throw();
        }

        if (task.IsCanceled)
        {
            throw new TaskCanceledException(task);
        }
    }

    private void RunContinuation(ActorTaskSchedulerMessage continuation)
    {
        if (_isTerminated)
        {
            return;
        }

        var savedEnvelope = _currentEnvelope;
        _currentEnvelope = continuation.Envelope;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(new ActorSynchronizationContext(this, continuation.Envelope));
        try
        {
            continuation.Callback(continuation.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            _currentEnvelope = savedEnvelope;
        }
    }

    private void HandleAsyncTaskCompleted(AsyncTaskCompleted completed)
    {
        var resumed = Mailbox.Resume();
        if (completed.Incarnation == _incarnation && !_isTerminating && (completed.Task.IsFaulted || completed.Task.IsCanceled))
        {
            _currentEnvelope = completed.Envelope;
            try
            {
                ThrowIfFailed(completed.Task);
            }
            catch (Exception cause)
            {
                HandleInvokeFailure(cause);
                return;
            }
        }

        if (resumed)
        {
            Dispatcher.RegisterForExecution(Mailbox, hasMessageHint: false, hasSystemMessageHint: false);
        }
    }

    /// <summary>Posts await continuations back into the actor as system messages.</summary>
    private sealed class ActorSynchronizationContext(ActorCell cell, Envelope envelope) : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state) =>
            cell.Self.SendSystemMessage(new ActorTaskSchedulerMessage(d, state, envelope));

        public override void Send(SendOrPostCallback d, object? state) =>
            throw new NotSupportedException("Synchronous Send into an actor would deadlock.");

        public override SynchronizationContext CreateCopy() => new ActorSynchronizationContext(cell, envelope);
    }
}
