using ActorParallel.Actor;

namespace ActorParallel.Dispatch.SysMsg;

/// <summary>Marker for messages that drive an actor's life rather than its behaviour.</summary>
public interface ISystemMessage;

/// <summary>
/// Base of all system messages. Each instance is linked into exactly one mailbox's lock-free stack
/// through <see cref="Next"/>, so an instance is sent once and never reused.
/// </summary>
public abstract class SystemMessage : ISystemMessage
{
    /// <summary>Link in the mailbox's system-message stack; written only before the publishing CAS.</summary>
    internal SystemMessage? Next;
}

/// <summary>First message of every actor: construct it and call PreStart.</summary>
public sealed class Create : SystemMessage
{
    public override string ToString() => "Create";
}

/// <summary>Parent tells a failed child to restart.</summary>
public sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;

    public override string ToString() => $"Recreate({Cause.GetType().Name})";
}

/// <summary>Stop processing user messages until resumed.</summary>
public sealed class Suspend : SystemMessage
{
    public override string ToString() => "Suspend";
}

/// <summary>Undo one <see cref="Suspend"/>; <see cref="CausedByFailure"/> is set when the supervisor resumed a failed child.</summary>
public sealed class Resume(Exception? causedByFailure) : SystemMessage
{
    public Exception? CausedByFailure { get; } = causedByFailure;

    public override string ToString() => "Resume";
}

/// <summary>Stop the actor: children first, then PostStop, then notify parent and watchers.</summary>
public sealed class Terminate : SystemMessage
{
    public override string ToString() => "Terminate";
}

/// <summary><see cref="Watcher"/> asks to be told when <see cref="Watchee"/> stops.</summary>
public sealed class Watch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;

    public override string ToString() => $"Watch({Watchee}, {Watcher})";
}

/// <summary>Cancels a <see cref="Watch"/>.</summary>
public sealed class Unwatch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;

    public override string ToString() => $"Unwatch({Watchee}, {Watcher})";
}

/// <summary>Sent to the parent and to every watcher when an actor has stopped.</summary>
public sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed, bool addressTerminated) : SystemMessage
{
    public IActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;

    public bool AddressTerminated { get; } = addressTerminated;

    public override string ToString() => $"DeathWatchNotification({Actor})";
}

/// <summary>A child reports to its parent that it failed and is now suspended.</summary>
public sealed class Failed(IActorRef child, Exception cause, long uid) : SystemMessage
{
    public IActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;

    public long Uid { get; } = uid;

    public override string ToString() => $"Failed({Child}, {Cause.GetType().Name})";
}

/// <summary>Runs a continuation of an async handler inside the actor, with the original sender restored.</summary>
internal sealed class ActorTaskSchedulerMessage(SendOrPostCallback callback, object? state, Envelope envelope) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;

    public object? State { get; } = state;

    public Envelope Envelope { get; } = envelope;
}

/// <summary>The task of an async handler has finished; the mailbox may resume.</summary>
internal sealed class AsyncTaskCompleted(Task task, Envelope envelope, int incarnation) : SystemMessage
{
    public Task Task { get; } = task;

    public Envelope Envelope { get; } = envelope;

    public int Incarnation { get; } = incarnation;
}

/// <summary>Runs a piece of code inside the actor (used by internal machinery).</summary>
internal sealed class RunInCell(Action<ActorCell> action) : SystemMessage
{
    public Action<ActorCell> Action { get; } = action;
}
