using ActorParallel.Actor;
using ActorParallel.Dispatch;
using ActorParallel.Dispatch.SysMsg;

namespace ActorParallel.TestKit;

/// <summary>
/// A reference to an actor that runs on the CallingThreadDispatcher: every Tell is processed before it
/// returns, and the test can reach the actor instance (<see cref="UnderlyingActor"/>) and inject messages
/// with <see cref="Receive"/>, whose exceptions reach the caller.
/// </summary>
public abstract class TestActorRefBase<TActor> : IInternalActorRef
    where TActor : ActorBase
{
    private readonly LocalActorRef _ref;

    protected TestActorRefBase(ActorSystem system, Props actorProps, IActorRef? supervisor = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(actorProps);
        var config = system.Settings.Config;
        var dispatcher = config.HasPath(TestDispatcherId) ? TestDispatcherId : Dispatchers.CallingThreadDispatcherId;
        var props = actorProps.WithDispatcher(dispatcher);
        var created = supervisor switch
        {
            null => system.ActorOf(props, name),
            LocalActorRef parent => parent.Cell.AttachChild(props, name, systemService: false),
            _ => throw new ArgumentException($"The supervisor {supervisor} must be a local actor of {system.Name}.", nameof(supervisor)),
        };
        _ref = created as LocalActorRef ?? throw new InvalidOperationException($"TestActorRef needs a local actor; {created} is not one.");
    }

    /// <summary>Id of the TestKit's calling-thread dispatcher (its reference config defines it).</summary>
    public const string TestDispatcherId = CallingThreadDispatcher.Id;

    /// <summary>The plain reference to the actor.</summary>
    public IActorRef Ref => _ref;

    /// <summary>The current actor instance (a new one after a restart).</summary>
    public TActor UnderlyingActor => (TActor)(_ref.Cell.Actor ?? throw new InvalidOperationException($"{_ref} has no actor instance (it failed to start or has stopped)."));

    public ActorPath Path => _ref.Path;

    public bool IsTerminated => _ref.IsTerminated;

    /// <summary>Processes <paramref name="message"/> now, on this thread; exceptions are thrown here, not supervised.</summary>
    public void Receive(object message, IActorRef? sender = null) =>
        _ref.Cell.ReceiveMessageForTest(new Envelope(message, sender ?? ActorRefs.NoSender));

    /// <summary>
    /// <see cref="Receive"/>, returning a completed task (Akka.NET's signature). It does not wait for the
    /// continuation of an async handler: send with Tell and expect the reply for those.
    /// </summary>
    public Task ReceiveAsync(object message, IActorRef? sender = null)
    {
        Receive(message, sender);
        return Task.CompletedTask;
    }

    public void Tell(object message, IActorRef sender) => _ref.Tell(message, sender);

    public void Forward(object message) => _ref.Forward(message);

    /// <summary>Makes the actor watch <paramref name="subject"/>.</summary>
    public IActorRef Watch(IActorRef subject)
    {
        _ref.Cell.Watch(subject);
        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        _ref.Cell.Unwatch(subject);
        return subject;
    }

    public bool Equals(IActorRef? other) => _ref.Equals(other);

    public override bool Equals(object? obj) => obj is IActorRef other && _ref.Equals(other);

    public override int GetHashCode() => _ref.GetHashCode();

    public int CompareTo(IActorRef? other) => _ref.CompareTo(other);

    public int CompareTo(object? obj) => _ref.CompareTo(obj);

    public override string ToString() => _ref.ToString();

    public IInternalActorRef Parent => _ref.Parent;

    public IActorRefProvider Provider => _ref.Provider;

    public bool IsLocal => true;

    IInternalActorRef IInternalActorRef.GetChild(IReadOnlyList<string> name) => _ref.GetChild(name);

    void IInternalActorRef.SendSystemMessage(ISystemMessage message) => _ref.SendSystemMessage(message);

    public void Stop() => _ref.Stop();

    void IInternalActorRef.Suspend() => _ref.Suspend();

    void IInternalActorRef.Resume(Exception? causedByFailure) => _ref.Resume(causedByFailure);

    void IInternalActorRef.Restart(Exception cause) => _ref.Restart(cause);
}
