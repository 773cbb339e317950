namespace ActorParallel.Actor;

/// <summary>
/// Creates and resolves actor references for a system. <c>actorparallel.actor.provider</c> picks the
/// implementation: <see cref="LocalActorRefProvider"/> here; remote and cluster providers wrap it.
/// </summary>
public interface IActorRefProvider
{
    IInternalActorRef RootGuardian { get; }

    LocalActorRef Guardian { get; }

    LocalActorRef SystemGuardian { get; }

    IActorRef DeadLetters { get; }

    IActorRef IgnoreRef { get; }

    ActorPath RootPath { get; }

    Settings Settings { get; }

    Deployer Deployer { get; }

    Address DefaultAddress { get; }

    Task TerminationTask { get; }

    void Init(ActorSystemImpl system);

    /// <summary>A fresh path under <c>/temp</c> for a temporary actor (e.g. an Ask reply target).</summary>
    ActorPath TempPath();

    IInternalActorRef ActorOf(ActorSystemImpl system, Props props, IInternalActorRef supervisor, ActorPath path, bool systemService);

    IActorRef ResolveActorRef(string path);

    IActorRef ResolveActorRef(ActorPath actorPath);

    /// <summary>The address this system is reached at from <paramref name="address"/> (local: the default address).</summary>
    Address? GetExternalAddressFor(Address address);
}
