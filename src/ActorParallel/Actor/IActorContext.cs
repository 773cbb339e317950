using ActorParallel.Dispatch;

namespace ActorParallel.Actor;

/// <summary>What an actor sees of itself and its surroundings (<c>Context</c> inside an actor).</summary>
public interface IActorContext : IActorRefFactory, ICanWatch
{
    IActorRef Self { get; }

    IActorRef Sender { get; }

    IActorRef Parent { get; }

    Props Props { get; }

    ActorSystem System { get; }

    MessageDispatcher Dispatcher { get; }

    TimeSpan? ReceiveTimeout { get; }

    IActorRef Child(string name);

    IEnumerable<IActorRef> GetChildren();

    void Stop(IActorRef child);

    void Become(Receive receive);

    void BecomeStacked(Receive receive);

    void UnbecomeStacked();

    void SetReceiveTimeout(TimeSpan? timeout);
}

/// <summary>The context as seen by an <see cref="UntypedActor"/>.</summary>
public interface IUntypedActorContext : IActorContext
{
    void Become(UntypedReceive receive);

    void BecomeStacked(UntypedReceive receive);
}

/// <summary>A behaviour: returns false for messages it does not handle.</summary>
public delegate bool Receive(object message);

/// <summary>An untyped behaviour: unhandled messages are passed to <c>Unhandled</c> explicitly.</summary>
public delegate void UntypedReceive(object message);
