using ActorParallel.Dispatch;
using ActorParallel.Dispatch.SysMsg;

namespace ActorParallel.Actor;

/// <summary>Reference to an actor in this system. Tell enqueues and schedules; it never throws.</summary>
public sealed class LocalActorRef : ActorRefBase, IInternalActorRef
{
    private readonly ActorPath _path;

    /// <summary>
    /// The mailbox, held here rather than reached through the cell: Tell then reads only this reference and
    /// the mailbox, never the cell, whose current-message field the running actor writes for every message
    /// (a cache line the sender would otherwise keep pulling back from the runner's core).
    /// </summary>
    private readonly Mailbox _mailbox;

    internal LocalActorRef(ActorSystemImpl system, Props props, MessageDispatcher dispatcher, Mailbox mailbox, IInternalActorRef supervisor, ActorPath path)
    {
        _path = path;
        _mailbox = mailbox;
        var cell = new ActorCell(system, this, props, dispatcher, supervisor, mailbox);
        cell.Init();
    }

    /// <summary>The actor's cell (the mailbox's actor: set by the cell's constructor, never changed).</summary>
    internal ActorCell Cell => _mailbox.Actor!;

    /// <summary>
    /// Set once, before the reference is published, when this actor is a router: Tell then routes
    /// non-management messages on the sender's thread instead of enqueuing them here (Akka's RoutedActorRef).
    /// A direct reference rather than a delegate, so the route is a plain call the JIT can inline.
    /// </summary>
    internal Routing.RoutedCell? Routed { get; set; }

    public override ActorPath Path => _path;

    public IInternalActorRef Parent => Cell.Parent;

    public IActorRefProvider Provider => Cell.SystemImpl.Provider;

    public bool IsLocal => true;

    public bool IsTerminated => _mailbox.IsClosed;

    internal void Start() => Cell.Start();

    protected override void TellInternal(object message, IActorRef sender)
    {
        if (Routed is { } routed && routed.TryRoute(message, sender))
        {
            return;
        }

        var mailbox = _mailbox;
        if (mailbox.SerializeMessages)
        {
            message = Cell.SystemImpl.Serialization.RoundTrip(message, this, sender);
            if (message is null)
            {
                return;
            }
        }

        mailbox.Enqueue(this, new Envelope(message, sender));
        if (mailbox.IsClosed)
        {
            // We raced with the actor's stop: its final drain may have run before our enqueue.
            mailbox.MessageQueue.CleanUp(this, Cell.SystemImpl.DeadLetterQueue);
            return;
        }

        if (!mailbox.IsScheduled)
        {
            mailbox.Dispatcher.RegisterForExecution(mailbox, hasMessageHint: true, hasSystemMessageHint: false);
        }
    }

    public void SendSystemMessage(ISystemMessage message)
    {
        var systemMessage = (SystemMessage)message;
        var mailbox = _mailbox;
        if (mailbox.SystemEnqueue(systemMessage))
        {
            mailbox.Dispatcher.RegisterForExecution(mailbox, hasMessageHint: false, hasSystemMessageHint: true);
        }
        else
        {
            Cell.HandleDeadSystemMessage(systemMessage);
        }
    }

    public IInternalActorRef GetChild(IReadOnlyList<string> name)
    {
        IInternalActorRef current = this;
        foreach (var element in name)
        {
            if (element.Length == 0)
            {
                continue;
            }

            if (element == "..")
            {
                current = current.Parent;
                continue;
            }

            if (current is not LocalActorRef local || local.Cell.GetSingleChild(element) is not { } child)
            {
                return Nobody.Instance;
            }

            current = child;
        }

        return current;
    }

    public void Stop() => SendSystemMessage(new Terminate());

    public void Suspend() => SendSystemMessage(new Suspend());

    public void Resume(Exception? causedByFailure = null) => SendSystemMessage(new Resume(causedByFailure));

    public void Restart(Exception cause) => SendSystemMessage(new Recreate(cause));
}
