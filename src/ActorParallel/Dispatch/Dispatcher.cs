namespace ActorParallel.Dispatch;

/// <summary>The default dispatcher: mailboxes run as work items on the .NET thread pool.</summary>
public sealed class Dispatcher : MessageDispatcher
{
    public Dispatcher(string id, int throughput, TimeSpan throughputDeadlineTime)
        : base(id, throughput, throughputDeadlineTime)
    {
    }

    /// <summary>Nothing queued anywhere in the .NET thread pool (global and per-thread queues).</summary>
    internal override bool NoOtherWorkWaiting => ThreadPool.PendingWorkItemCount == 0;

    protected internal override void ExecuteMailbox(Mailbox mailbox) =>
        ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: false);
}
