using ActorParallel.Dispatch.SysMsg;

namespace ActorParallel.Actor;

/// <summary>The root guardian: parent of /user and /system. When /user stops it stops /system, then itself.</summary>
internal sealed class RootGuardianActor : ActorBase
{
    internal sealed class WatchGuardians(IActorRef user, IActorRef system) : INoSerializationVerificationNeeded
    {
        public IActorRef User { get; } = user;

        public IActorRef System { get; } = system;
    }

    private IActorRef? _user;
    private IActorRef? _system;

    protected override SupervisorStrategy SupervisorStrategy() => Actor.SupervisorStrategy.StoppingStrategy;

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WatchGuardians guardians:
                _user = Context.Watch(guardians.User);
                _system = Context.Watch(guardians.System);
                return true;
            case Terminated terminated when terminated.ActorRef.Equals(_user):
                Context.Stop(_system!);
                return true;
            case Terminated terminated when terminated.ActorRef.Equals(_system):
                Context.Stop(Self);
                return true;
            default:
                return true;
        }
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        // The root guardian is never restarted: its supervisor stops it.
    }
}

/// <summary>/user: parent of every top-level actor; supervises with <c>actorparallel.actor.guardian-supervisor-strategy</c>.</summary>
internal sealed class GuardianActor(SupervisorStrategy strategy) : ActorBase
{
    protected override SupervisorStrategy SupervisorStrategy() => strategy;

    protected override bool Receive(object message) => message is Terminated;
}

/// <summary>/system: parent of the runtime's own actors (loggers, listeners).</summary>
internal sealed class SystemGuardianActor : ActorBase
{
    protected override bool Receive(object message) => message is Terminated;
}

/// <summary>
/// The parent of the root guardian: not an actor. When the root guardian fails it is stopped; when it
/// has stopped the system's termination completes.
/// </summary>
internal sealed class BubbleWalker(ActorPath path, Func<IActorRefProvider> provider, Action onRootTerminated) : MinimalActorRef
{
    public override ActorPath Path => path;

    public override IActorRefProvider Provider => provider();

    public override void SendSystemMessage(ISystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                ((IInternalActorRef)failed.Child).Stop();
                break;
            case DeathWatchNotification:
                onRootTerminated();
                break;
        }
    }
}

/// <summary>
/// Produces the runtime's own actors (guardians, loggers, the dead-letter listener) with a plain delegate.
/// They are created at every system start, so their <see cref="Props"/> avoid what user props may use:
/// expression trees (which load System.Linq.Expressions and evaluate arguments by reflection) and
/// constructor lookup by reflection. That work is the JIT and type loading of a cold start.
/// </summary>
internal sealed class SystemActorProducer(Type actorType, Func<ActorBase> factory) : IIndirectActorProducer
{
    public Type ActorType => actorType;

    public ActorBase Produce() => factory();

    public void Release(ActorBase actor)
    {
    }

    /// <summary>Props that create <typeparamref name="TActor"/> by calling <paramref name="factory"/>.</summary>
    public static Props PropsFor<TActor>(Func<TActor> factory)
        where TActor : ActorBase => Actor.Props.CreateBy(new SystemActorProducer(typeof(TActor), factory));
}
