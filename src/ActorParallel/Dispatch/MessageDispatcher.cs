using System.Diagnostics;
using ActorParallel.Actor;

namespace ActorParallel.Dispatch;

/// <summary>Runs mailboxes: decides which threads execute actors and how many messages each run takes.</summary>
public abstract class MessageDispatcher
{
    protected MessageDispatcher(string id, int throughput, TimeSpan throughputDeadlineTime)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(throughput);
        Id = id;
        Throughput = throughput;
        ThroughputDeadlineTime = throughputDeadlineTime;
        ThroughputDeadlineTicks = throughputDeadlineTime > TimeSpan.Zero
            ? (long)(throughputDeadlineTime.TotalSeconds * Stopwatch.Frequency)
            : 0;
    }

    /// <summary>The configuration path this dispatcher was built from.</summary>
    public string Id { get; }

    /// <summary>Most user messages one mailbox run processes before yielding its thread.</summary>
    public int Throughput { get; }

    /// <summary>Longest a mailbox run may last before yielding (zero: no limit).</summary>
    public TimeSpan ThroughputDeadlineTime { get; }

    internal long ThroughputDeadlineTicks { get; }

    /// <summary>Number of actors attached; used by dispatchers that own threads.</summary>
    private int _attached;

    public int Inhabitants => Volatile.Read(ref _attached);

    /// <summary>Schedules <paramref name="mailbox"/> if it has work and is not already scheduled.</summary>
    internal void RegisterForExecution(Mailbox mailbox, bool hasMessageHint, bool hasSystemMessageHint)
    {
        if (mailbox.CanBeScheduledForExecution(hasMessageHint, hasSystemMessageHint) && mailbox.SetAsScheduled())
        {
            try
            {
                ExecuteMailbox(mailbox);
            }
            catch (Exception)
            {
                // The executor refused (it is shutting down); undo nothing: a closed system drops the work.
            }
        }
    }

    /// <summary>
    /// Whether nothing else is queued for this dispatcher's threads, so a mailbox that used up its
    /// throughput may start its next run at once instead of going back through the queue (the turn it
    /// yields would come straight back to it). False by default: always yield.
    /// </summary>
    internal virtual bool NoOtherWorkWaiting => false;

    /// <summary>Runs the mailbox on one of this dispatcher's threads.</summary>
    protected internal abstract void ExecuteMailbox(Mailbox mailbox);

    /// <summary>Called once when an actor starts using this dispatcher.</summary>
    internal virtual void Attach(ActorCell cell) => Interlocked.Increment(ref _attached);

    /// <summary>Called once when an actor using this dispatcher has stopped.</summary>
    internal virtual void Detach(ActorCell cell) => Interlocked.Decrement(ref _attached);

    /// <summary>Stops threads this dispatcher owns; called when the actor system terminates.</summary>
    internal virtual void Shutdown()
    {
    }

    public override string ToString() => $"{GetType().Name}[{Id}]";
}
