using System.Diagnostics;
using ActorParallel.Actor;
using ActorParallel.Dispatch.SysMsg;

namespace ActorParallel.Dispatch;

/// <summary>
/// One actor's mailbox and, at the same time, the work item that runs it. A sender enqueues and
/// moves the status from idle to scheduled with one compare-and-swap; the winner hands the mailbox
/// to the dispatcher. The run loop handles system messages before user messages, processes at most
/// <c>throughput</c> user messages, goes idle and reschedules itself if work remains.
/// </summary>
public sealed class Mailbox : IThreadPoolWorkItem
{
    private const int ScheduledBit = 1;
    private const int ClosedBit = 2;
    private const int SuspendUnit = 4;

    /// <summary>Marks the system-message stack as closed; pushes that find it go to dead letters.</summary>
    private static readonly SystemMessage ClosedMarker = new Suspend();

    /// <summary>
    /// Bit 0: scheduled (queued or running), bit 1: closed, bits 2+: suspend count. Changed only by CAS
    /// so that a sender's schedule attempt and the runner's idle transition never lose an update.
    /// </summary>
    private int _status;

    /// <summary>Lock-free stack of pending system messages, newest first; pushed by CAS, taken whole by Exchange.</summary>
    private SystemMessage? _systemHead;

    /// <summary>Messages put back at the front by stash; touched only by the thread running the mailbox.</summary>
    private LinkedList<Envelope>? _front;

    public Mailbox(IMessageQueue messageQueue)
    {
        MessageQueue = messageQueue;
    }

    public IMessageQueue MessageQueue { get; }

    internal ActorCell? Actor { get; private set; }

    internal MessageDispatcher Dispatcher { get; private set; } = null!;

    /// <summary>
    /// The system's <c>serialize-messages</c> flag, copied here so that Tell needs only the mailbox (it fits
    /// in this object's alignment padding, so it costs no memory).
    /// </summary>
    internal bool SerializeMessages { get; private set; }

    internal void SetActor(ActorCell cell, MessageDispatcher dispatcher)
    {
        Actor = cell;
        Dispatcher = dispatcher;
        SerializeMessages = cell.SystemImpl.SerializeAllMessages;
    }

    public bool IsClosed => (Volatile.Read(ref _status) & ClosedBit) != 0;

    public bool IsSuspended => Volatile.Read(ref _status) >= SuspendUnit;

    public bool IsScheduled => (Volatile.Read(ref _status) & ScheduledBit) != 0;

    public bool HasMessages => _front is { Count: > 0 } || MessageQueue.HasMessages;

    public int NumberOfMessages => (_front?.Count ?? 0) + MessageQueue.Count;

    public bool HasSystemMessages
    {
        get
        {
            var head = Volatile.Read(ref _systemHead);
            return head is not null && !ReferenceEquals(head, ClosedMarker);
        }
    }

    internal void Enqueue(IActorRef receiver, Envelope envelope) => MessageQueue.Enqueue(receiver, envelope);

    /// <summary>Puts a message back at the front; only the thread running this mailbox may call it.</summary>
    internal void EnqueueFirst(Envelope envelope) => (_front ??= new LinkedList<Envelope>()).AddFirst(envelope);

    internal bool TryDequeue(out Envelope envelope)
    {
        if (_front is { Count: > 0 } front)
        {
            envelope = front.First!.Value;
            front.RemoveFirst();
            return true;
        }

        return MessageQueue.TryDequeue(out envelope);
    }

    /// <summary>Pushes a system message; returns false (and does nothing) when the mailbox is closed.</summary>
    internal bool SystemEnqueue(SystemMessage message)
    {
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (ReferenceEquals(head, ClosedMarker))
            {
                return false;
            }

            message.Next = head;
            if (ReferenceEquals(Interlocked.CompareExchange(ref _systemHead, message, head), head))
            {
                return true;
            }
        }
    }

    /// <summary>Takes every pending system message, oldest first.</summary>
    private SystemMessage? SystemDrain(SystemMessage? replacement)
    {
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (head is null && replacement is null)
            {
                return null;
            }

            if (ReferenceEquals(head, ClosedMarker))
            {
                return null;
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _systemHead, replacement, head), head))
            {
                // The stack is newest first; reverse it so messages are handled in the order sent.
                SystemMessage? reversed = null;
                while (head is not null)
                {
                    var next = head.Next;
                    head.Next = reversed;
                    reversed = head;
                    head = next;
                }

                return reversed;
            }
        }
    }

    internal bool CanBeScheduledForExecution(bool hasMessageHint, bool hasSystemMessageHint)
    {
        var status = Volatile.Read(ref _status);
        if ((status & ClosedBit) != 0)
        {
            return false;
        }

        if (status < SuspendUnit)
        {
            return hasMessageHint || hasSystemMessageHint || HasSystemMessages || HasMessages;
        }

        return hasSystemMessageHint || HasSystemMessages;
    }

    /// <summary>Idle to scheduled with one CAS; false if another thread already scheduled it or it is closed.</summary>
    internal bool SetAsScheduled()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & (ScheduledBit | ClosedBit)) != 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _status, status | ScheduledBit, status) == status)
            {
                return true;
            }
        }
    }

    private void SetAsIdle()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if (Interlocked.CompareExchange(ref _status, status & ~ScheduledBit, status) == status)
            {
                return;
            }
        }
    }

    /// <summary>Adds one suspension; only the thread running the mailbox calls it.</summary>
    internal void Suspend()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & ClosedBit) != 0 || Interlocked.CompareExchange(ref _status, status + SuspendUnit, status) == status)
            {
                return;
            }
        }
    }

    /// <summary>Removes one suspension; true when the mailbox is no longer suspended.</summary>
    internal bool Resume()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & ClosedBit) != 0)
            {
                return false;
            }

            var next = status >= SuspendUnit ? status - SuspendUnit : status;
            if (Interlocked.CompareExchange(ref _status, next, status) == status)
            {
                return next < SuspendUnit;
            }
        }
    }

    /// <summary>Closes the mailbox for good and hands every pending message to dead letters.</summary>
    internal void BecomeClosed(IActorRef owner, IMessageQueue deadLetters, Action<SystemMessage> deadSystemMessage)
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if (Interlocked.CompareExchange(ref _status, status | ClosedBit, status) == status)
            {
                break;
            }
        }

        // After the marker is in place no sender can push; whatever was pushed before is drained here.
        for (var message = SystemDrain(ClosedMarker); message is not null;)
        {
            var next = message.Next;
            message.Next = null;
            deadSystemMessage(message);
            message = next;
        }

        if (_front is { Count: > 0 } front)
        {
            foreach (var envelope in front)
            {
                deadLetters.Enqueue(owner, envelope);
            }

            front.Clear();
        }

        MessageQueue.CleanUp(owner, deadLetters);
    }

    void IThreadPoolWorkItem.Execute() => Run();

    /// <summary>
    /// The run loop; exactly one thread runs it at a time, guaranteed by the scheduled bit. The actor is
    /// this thread's current cell for the whole run (set once here, not per message), and the previous
    /// one is restored afterwards because a calling-thread dispatcher runs mailboxes inside other runs.
    /// </summary>
    internal void Run()
    {
        var previous = ActorCell.Current;
        ActorCell.Current = Actor;
        try
        {
            if (!IsClosed)
            {
                ProcessAllSystemMessages();

                // A run that used up its throughput yields its thread so other actors get their turn; when no
                // other work is waiting for the executor, yielding would only put this mailbox back in the
                // queue to be taken straight out again (a CAS pair, a queue round trip and often a thread
                // wake-up), so it starts its next run here instead.
                while (ProcessMailbox() && Dispatcher.NoOtherWorkWaiting)
                {
                    ProcessAllSystemMessages();
                }
            }
        }
        finally
        {
            ActorCell.Current = previous;
            SetAsIdle();
            // A sender that enqueued while we were running saw the scheduled bit and did not schedule;
            // this re-check, after clearing the bit, makes sure its message is not stranded.
            Dispatcher.RegisterForExecution(this, hasMessageHint: false, hasSystemMessageHint: false);
        }
    }

    /// <summary>Processes user messages up to the throughput (or deadline); true if it stopped at that limit, so more may wait.</summary>
    private bool ProcessMailbox()
    {
        var actor = Actor!;
        var left = Dispatcher.Throughput;
        var deadlineTicks = Dispatcher.ThroughputDeadlineTicks;
        var deadline = deadlineTicks > 0 ? Stopwatch.GetTimestamp() + deadlineTicks : long.MaxValue;
        // Only while neither suspended nor closed: after the close, senders that raced with it drain the
        // queue to dead letters themselves, and the queue has a single consumer.
        while (Volatile.Read(ref _status) == ScheduledBit && TryDequeue(out var envelope))
        {
            actor.Invoke(in envelope);
            if (Volatile.Read(ref _systemHead) is not null)
            {
                ProcessAllSystemMessages();
            }

            if (--left <= 0 || (deadlineTicks > 0 && Stopwatch.GetTimestamp() >= deadline))
            {
                return true;
            }
        }

        return false;
    }

    internal void ProcessAllSystemMessages()
    {
        var actor = Actor!;
        while (!IsClosed)
        {
            var message = SystemDrain(null);
            if (message is null)
            {
                return;
            }

            while (message is not null)
            {
                var next = message.Next;
                message.Next = null;
                if (IsClosed)
                {
                    actor.HandleDeadSystemMessage(message);
                }
                else
                {
                    actor.SystemInvoke(message);
                }

                message = next;
            }
        }
    }
}
