using System.Collections.Concurrent;
using ActorParallel.Actor;

namespace ActorParallel.Dispatch;

/// <summary>Gives every actor its own thread, started when the actor attaches and ended when it stops.</summary>
public sealed class PinnedDispatcher : MessageDispatcher
{
    /// <summary>Each attached mailbox's own single-thread executor (kept here so other mailboxes pay nothing for it).</summary>
    private readonly ConcurrentDictionary<Mailbox, DedicatedThreadPool> _threads = new();

    public PinnedDispatcher(string id, int throughput, TimeSpan throughputDeadlineTime)
        : base(id, throughput, throughputDeadlineTime)
    {
    }

    protected internal override void ExecuteMailbox(Mailbox mailbox)
    {
        if (_threads.TryGetValue(mailbox, out var executor))
        {
            executor.Enqueue(mailbox);
        }
    }

    internal override void Attach(ActorCell cell)
    {
        base.Attach(cell);
        _threads[cell.Mailbox] = new DedicatedThreadPool($"{Id}-{cell.Self.Path.Name}", 1, background: true);
    }

    internal override void Detach(ActorCell cell)
    {
        base.Detach(cell);
        if (_threads.TryRemove(cell.Mailbox, out var executor))
        {
            executor.Dispose();
        }
    }

    internal override void Shutdown()
    {
        foreach (var executor in _threads.Values)
        {
            executor.Dispose();
        }

        _threads.Clear();
    }
}
