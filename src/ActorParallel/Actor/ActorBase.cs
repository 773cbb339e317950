using ActorParallel.Event;

namespace ActorParallel.Actor;

/// <summary>
/// Base of every actor. Instances are created only by the runtime, from <see cref="Props"/>; the
/// constructor binds the instance to the cell that is creating it.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    protected ActorBase()
    {
        _cell = ActorCell.Creating ?? throw new ActorInitializationException(
            $"You cannot create an instance of [{GetType()}] explicitly using the constructor (new). " +
            "You have to use one of the 'Props.Create' methods with ActorOf to create a new actor.");
        ActorCell.Creating = null;
        _cell.BindActor(this);
    }

    /// <summary>A behaviour that handles nothing.</summary>
    public static readonly Receive EmptyReceive = _ => false;

    internal ActorCell Cell => _cell;

    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the message being processed (<see cref="ActorRefs.NoSender"/> outside a message).</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>The context of the actor whose message is being processed on this thread.</summary>
    protected static IActorContext Context => ActorCell.Current ?? throw new NotSupportedException(
        "There is no active ActorContext; this is most likely due to use of async operations from within this actor " +
        "(ConfigureAwait(false)) or access from outside an actor.");

    /// <summary>The behaviour: return false for messages not handled.</summary>
    protected abstract bool Receive(object message);

    internal bool InvokeReceive(object message) => Receive(message);

    /// <summary>Called for messages no behaviour handled: publishes <see cref="UnhandledMessage"/>, or fails with <see cref="DeathPactException"/> for <see cref="Terminated"/>.</summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        var system = _cell.SystemImpl;
        system.EventStream.Publish(new UnhandledMessage(message, _cell.Sender, _cell.Self));
        if (system.Settings.DebugUnhandledMessage)
        {
            system.EventStream.Publish(new Debug(_cell.Self.Path.ToString(), GetType(), $"Unhandled message from {_cell.Sender}: {message}"));
        }
    }

    internal void InvokeUnhandled(object message) => Unhandled(message);

    protected virtual void PreStart()
    {
    }

    protected virtual void PostStop()
    {
    }

    /// <summary>Default: stop (and unwatch) every child, then call <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in _cell.GetChildren())
        {
            _cell.Unwatch(child);
            _cell.Stop(child);
        }

        PostStop();
    }

    /// <summary>Default: call <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>The strategy this actor uses to supervise its children.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actor.SupervisorStrategy.DefaultStrategy;

    private SupervisorStrategy? _supervisorStrategy;

    /// <summary>The strategy in force: from Props if set there, else from the override; asked once per instance.</summary>
    internal SupervisorStrategy SupervisorStrategyInternal => _supervisorStrategy ??= _cell.Props.SupervisorStrategy ?? SupervisorStrategy();

    public virtual void AroundPreStart() => PreStart();

    public virtual void AroundPostStop() => PostStop();

    public virtual void AroundPreRestart(Exception cause, object? message) => PreRestart(cause, message);

    public virtual void AroundPostRestart(Exception cause, object? message) => PostRestart(cause);

    protected void Become(Receive receive) => _cell.Become(receive);

    protected void BecomeStacked(Receive receive) => _cell.BecomeStacked(receive);

    protected void UnbecomeStacked() => _cell.UnbecomeStacked();

    protected void SetReceiveTimeout(TimeSpan? timeout) => _cell.SetReceiveTimeout(timeout);

}
