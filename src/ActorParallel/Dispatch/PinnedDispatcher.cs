using ActorParallel.Actor;

namespace ActorParallel.Dispatch;

/// <summary>Gives every actor its own thread, started when the actor attaches and ended when it stops.</summary>
public sealed class PinnedDispatcher : MessageDispatcher
{
    public PinnedDispatcher(string id, int throughput, TimeSpan throughputDeadlineTime)
        : base(id, throughput, throughputDeadlineTime)
    {
    }

    protected internal override void ExecuteMailbox(Mailbox mailbox)
    {
        if (mailbox.PinnedExecutor is { } executor)
        {
            executor.Enqueue(mailbox);
        }
    }

    internal override void Attach(ActorCell cell)
    {
        base.Attach(cell);
        cell.Mailbox.PinnedExecutor = new DedicatedThreadPool($"{Id}-{cell.Self.Path.Name}", 1, background: true);
    }

    internal override void Detach(ActorCell cell)
    {
        base.Detach(cell);
        cell.Mailbox.PinnedExecutor?.Dispose();
    }
}
