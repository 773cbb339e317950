using ActorParallel.Dispatch;
using ActorParallel.Dispatch.SysMsg;
using ActorParallel.Event;

namespace ActorParallel.Actor;

/// <summary>
/// The runtime side of one actor: its mailbox, current message, behaviour stack, children, watchers
/// and failure state. Everything here except the children container and the mailbox is touched only
/// by the thread currently running the mailbox, so it needs no synchronisation. State that most
/// actors never use (children, watchers, behaviour stack, receive timeout) is allocated on first use.
/// </summary>
public sealed partial class ActorCell : IUntypedActorContext
{
    /// <summary>The cell whose message is being processed on this thread (what <c>Context</c> returns).</summary>
    [ThreadStatic]
    internal static ActorCell? Current;

    /// <summary>The cell whose actor instance is being constructed on this thread.</summary>
    [ThreadStatic]
    internal static ActorCell? Creating;

    private ActorBase? _actor;
    private Envelope _currentEnvelope;

    /// <summary>Behaviours pushed by Become/BecomeStacked; null means "the actor's Receive".</summary>
    private List<Receive>? _behaviors;

    /// <summary>Incremented at each restart so stale async completions can be recognised.</summary>
    private int _incarnation;

    internal ActorCell(ActorSystemImpl system, LocalActorRef self, Props props, MessageDispatcher dispatcher, IInternalActorRef parent, Mailbox mailbox)
    {
        SystemImpl = system;
        Self = self;
        Props = props;
        Dispatcher = dispatcher;
        Parent = parent;
        Mailbox = mailbox;
        mailbox.SetActor(this, dispatcher);
    }

    internal ActorSystemImpl SystemImpl { get; }

    public ActorSystem System => SystemImpl;

    internal LocalActorRef Self { get; }

    IActorRef IActorContext.Self => Self;

    public Props Props { get; }

    public MessageDispatcher Dispatcher { get; }

    internal IInternalActorRef Parent { get; }

    IActorRef IActorContext.Parent => Parent;

    internal Mailbox Mailbox { get; }

    internal ActorBase? Actor => _actor;

    internal Envelope CurrentEnvelope => _currentEnvelope;

    public object? CurrentMessage => _currentEnvelope.Message;

    public IActorRef Sender => _currentEnvelope.Sender ?? SystemImpl.DeadLetters;

    /// <summary>Sends the first system message; the mailbox is scheduled by <see cref="Start"/>.</summary>
    internal void Init()
    {
        Mailbox.SystemEnqueue(new Create());
    }

    internal void Start()
    {
        Dispatcher.Attach(this);
        Dispatcher.RegisterForExecution(Mailbox, hasMessageHint: false, hasSystemMessageHint: true);
    }

    internal void BindActor(ActorBase actor) => _actor = actor;

    /// <summary>
    /// Processes one user message. Exceptions become supervision, never escape to the mailbox. The
    /// mailbox run has already made this cell <see cref="Current"/> (once per run, not per message).
    /// </summary>
    internal void Invoke(in Envelope envelope)
    {
        _currentEnvelope = envelope;
        var message = envelope.Message;
        try
        {
            if (message is IAutoReceivedMessage)
            {
                AutoReceiveMessage(envelope);
            }
            else if (ReferenceEquals(message, ActorParallel.Actor.ReceiveTimeout.Instance) && _receiveTimeout is null
                && ReferenceEquals(envelope.Sender, Self))
            {
                // Our own timeout that fired just before the actor switched it off: nobody wants it any more.
                // (A ReceiveTimeout forwarded by another actor has another sender and is delivered.)
            }
            else
            {
                ReceiveMessage(message);
            }
        }
        catch (Exception cause)
        {
            HandleInvokeFailure(cause);
        }
        finally
        {
            if (_receiveTimeout is not null)
            {
                CheckReceiveTimeout(message);
            }
        }
    }

    internal void ReceiveMessage(object message)
    {
        var actor = _actor;
        if (actor is null)
        {
            // The actor failed to start or is between incarnations; the message is lost, as in Akka.
            SystemImpl.DeadLetters.Tell(new DeadLetter(message, Sender, Self), Sender);
            return;
        }

        var handled = _behaviors is { Count: > 0 } behaviors
            ? behaviors[^1](message)
            : actor.InvokeReceive(message);
        if (!handled)
        {
            actor.InvokeUnhandled(message);
        }
    }

    private void AutoReceiveMessage(Envelope envelope)
    {
        if (SystemImpl.Settings.DebugAutoReceive && envelope.Message is not TimerScheduler.TimerMessage)
        {
            Publish(new Debug(Self.Path.ToString(), _actor?.GetType() ?? GetType(), $"received AutoReceiveMessage {envelope}"));
        }

        switch (envelope.Message)
        {
            case Terminated terminated:
                ReceivedTerminated(terminated);
                break;
            case PoisonPill:
                Self.Stop();
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, Self), Self);
                break;
            case ActorSelectionMessage selection:
                ActorParallel.Actor.ActorSelection.Deliver(this, selection, envelope.Sender);
                break;
            case TimerScheduler.TimerMessage timer:
                if (_timers?.Accept(timer) == true)
                {
                    _currentEnvelope = new Envelope(timer.Message, timer.Sender);
                    ReceiveMessage(timer.Message);
                }

                break;
            default:
                ReceiveMessage(envelope.Message);
                break;
        }
    }

    /// <summary>Processes one system message; called by the mailbox before any user message.</summary>
    internal void SystemInvoke(SystemMessage message)
    {
        var previous = Current;
        Current = this;
        try
        {
            switch (message)
            {
                case Create:
                    HandleCreate();
                    break;
                case ActorTaskSchedulerMessage continuation:
                    RunContinuation(continuation);
                    break;
                case AsyncTaskCompleted completed:
                    HandleAsyncTaskCompleted(completed);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification.Actor, notification.ExistenceConfirmed, notification.AddressTerminated);
                    break;
                case Failed failed:
                    HandleFailed(failed);
                    break;
                case Watch watch:
                    AddWatcher(watch.Watchee, watch.Watcher);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                    break;
                case Recreate recreate:
                    FaultRecreate(recreate.Cause);
                    break;
                case Suspend:
                    FaultSuspend();
                    break;
                case Resume resume:
                    FaultResume(resume.CausedByFailure);
                    break;
                case Dispatch.SysMsg.Terminate:
                    Terminate();
                    break;
                case RunInCell run:
                    run.Action(this);
                    break;
            }
        }
        catch (Exception cause)
        {
            HandleInvokeFailure(cause);
        }
        finally
        {
            Current = previous;
        }
    }

    private void HandleCreate()
    {
        try
        {
            var actor = NewActor();
            actor.AroundPreStart();
            if (SystemImpl.Settings.DebugLifecycle)
            {
                Publish(new Debug(Self.Path.ToString(), actor.GetType(), "Started (" + actor + ")"));
            }
        }
        catch (Exception cause)
        {
            var failure = cause as ActorInitializationException
                ?? new ActorInitializationException(Self, $"Exception during creation of {Self}", cause);
            _actor = null;
            HandleInvokeFailure(failure);
        }
    }

    /// <summary>Creates the actor instance from Props, binding it to this cell through <see cref="Creating"/>.</summary>
    private ActorBase NewActor()
    {
        _behaviors = null;
        var previous = Creating;
        Creating = this;
        ActorBase actor;
        try
        {
            actor = Props.NewActor();
        }
        finally
        {
            Creating = previous;
        }

        _actor = actor;
        if (actor is IActorStash stashing)
        {
            stashing.Stash = GetOrCreateStash();
        }

        if (actor is IWithTimers withTimers)
        {
            withTimers.Timers = _timers ??= new TimerScheduler(this);
        }

        return actor;
    }

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        var behaviors = _behaviors ??= [];
        if (behaviors.Count > 0)
        {
            behaviors[^1] = receive;
        }
        else
        {
            behaviors.Add(receive);
        }
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (_behaviors ??= []).Add(receive);
    }

    public void UnbecomeStacked()
    {
        if (_behaviors is { Count: > 0 } behaviors)
        {
            behaviors.RemoveAt(behaviors.Count - 1);
        }
    }

    public void Become(UntypedReceive receive) => Become(UntypedActor.ToReceive(receive));

    public void BecomeStacked(UntypedReceive receive) => BecomeStacked(UntypedActor.ToReceive(receive));

    public ActorSelection ActorSelection(string actorPath) => ActorParallel.Actor.ActorSelection.FromString(SystemImpl, Self, actorPath);

    public ActorSelection ActorSelection(ActorPath actorPath) => ActorParallel.Actor.ActorSelection.FromPath(SystemImpl, actorPath);

    internal void Publish(LogEvent logEvent) => SystemImpl.EventStream.Publish(logEvent);

    internal void Stop() => Self.Stop();

    public override string ToString() => $"ActorCell({Self.Path})";
}
