using ActorParallel.Configuration;
using ActorParallel.Event;
using ActorParallel.Routing;

namespace ActorParallel.Actor;

/// <summary>Creates and resolves references for actors in this process.</summary>
public class LocalActorRefProvider : IActorRefProvider
{
    private readonly TaskCompletionSource _termination = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _tempNumber;
    private ActorSystemImpl? _system;
    private LocalActorRef? _rootGuardian;
    private LocalActorRef? _guardian;
    private LocalActorRef? _systemGuardian;

    public LocalActorRefProvider(string systemName, Settings settings, EventStream eventStream)
    {
        Settings = settings;
        RootPath = new RootActorPath(new Address("actorparallel", systemName));
        DeadLetters = new DeadLetterActorRef(this, RootPath / "deadLetters", eventStream);
        IgnoreRef = new IgnoreActorRef(RootPath / "ignore", this);
        TempContainerPath = RootPath / "temp";
        Deployer = new Deployer(settings);
    }

    public Settings Settings { get; }

    public ActorPath RootPath { get; }

    public IActorRef DeadLetters { get; }

    public IActorRef IgnoreRef { get; }

    public Deployer Deployer { get; }

    public Address DefaultAddress => RootPath.Address;

    public IInternalActorRef RootGuardian => _rootGuardian ?? throw NotInitialized();

    public LocalActorRef Guardian => _guardian ?? throw NotInitialized();

    public LocalActorRef SystemGuardian => _systemGuardian ?? throw NotInitialized();

    internal ActorPath TempContainerPath { get; }

    /// <summary>True once <c>Init</c> has created the guardians.</summary>
    internal bool IsInitialized => _guardian is not null;

    public Task TerminationTask => _termination.Task;

    private static InvalidOperationException NotInitialized() => new("The provider has not been initialised.");

    public virtual void Init(ActorSystemImpl system)
    {
        _system = system;
        var walker = new BubbleWalker(RootPath / "bubble-walker", () => this, () => _termination.TrySetResult());
        var dispatcher = system.Dispatchers.DefaultGlobalDispatcher;
        _rootGuardian = new LocalActorRef(system, SystemActorProducer.PropsFor(static () => new RootGuardianActor()), dispatcher,
            system.Mailboxes.CreateDefault(), walker, RootPath);
        _rootGuardian.Start();
        var root = _rootGuardian.Cell;
        var strategy = system.Settings.GuardianSupervisorStrategy;
        _guardian = (LocalActorRef)root.AttachChild(
            SystemActorProducer.PropsFor(() => new GuardianActor(strategy)), "user", systemService: true);
        _systemGuardian = (LocalActorRef)root.AttachChild(
            SystemActorProducer.PropsFor(static () => new SystemGuardianActor()), "system", systemService: true);
        _rootGuardian.Tell(new RootGuardianActor.WatchGuardians(_guardian, _systemGuardian), ActorRefs.NoSender);
    }

    public ActorPath TempPath() => TempContainerPath / ("$" + Interlocked.Increment(ref _tempNumber).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public virtual IInternalActorRef ActorOf(ActorSystemImpl system, Props props, IInternalActorRef supervisor, ActorPath path, bool systemService)
    {
        if (!systemService && Deployer.HasEntries && path.Elements is { Count: > 1 } elements && elements[0] == "user"
            && Deployer.Lookup(elements.Skip(1)) is { } configured)
        {
            if (Settings.DebugRouterMisconfiguration && props.RouterConfig is NoRouter && configured.RouterConfig is not NoRouter)
            {
                system.Log.Warning("Configuration says that [{0}] should be a router, but code disagrees. Remove the config or add a routerConfig to its Props.", path);
            }

            props = props.RouterConfig is NoRouter
                ? props.WithDeploy(new Deploy(configured.Path, configured.Config, NoRouter.Instance, Scope.NoScopeGiven, configured.Dispatcher, configured.Mailbox))
                : props.WithDeploy(configured.WithFallback(props.Deploy));
        }

        if (props.RouterConfig is not NoRouter)
        {
            return props.RouterConfig.CreateRouterActor(system, props, supervisor, path);
        }

        return CreateLocalActor(system, props, supervisor, path);
    }

    /// <summary>
    /// Creates a plain (not yet started) local actor: dispatcher and mailbox from <paramref name="props"/>.
    /// Routers use this for the router actor itself; the caller (ActorCell.AttachChild) starts it.
    /// </summary>
    internal static LocalActorRef CreateLocalActor(ActorSystemImpl system, Props props, IInternalActorRef supervisor, ActorPath path)
    {
        var dispatcher = system.Dispatchers.Lookup(props.Dispatcher);
        var mailbox = system.Mailboxes.CreateMailbox(props, dispatcher.Id, path);
        return new LocalActorRef(system, props, dispatcher, mailbox, supervisor, path);
    }

    public IActorRef ResolveActorRef(string path) =>
        ActorPath.TryParse(path, out var actorPath) ? ResolveActorRef(actorPath) : DeadLetters;

    public IActorRef ResolveActorRef(ActorPath actorPath)
    {
        if (!actorPath.Address.Equals(RootPath.Address))
        {
            return DeadLetters;
        }

        var elements = actorPath.Elements;
        if (elements is ["deadLetters"])
        {
            return DeadLetters;
        }

        var found = RootGuardian.GetChild(elements);
        if (found is Nobody)
        {
            return DeadLetters;
        }

        return actorPath.Uid == ActorCellUid.Undefined || found.Path.Uid == actorPath.Uid ? found : DeadLetters;
    }

    public Address? GetExternalAddressFor(Address address) => address.Equals(RootPath.Address) ? RootPath.Address : null;

    /// <summary>A reference that drops everything sent to it.</summary>
    private sealed class IgnoreActorRef(ActorPath path, IActorRefProvider provider) : MinimalActorRef
    {
        public override ActorPath Path => path;

        public override IActorRefProvider Provider => provider;
    }

    /// <summary>Builds the configured provider, or explains why it cannot.</summary>
    internal static IActorRefProvider Create(string systemName, Settings settings, EventStream eventStream)
    {
        var selection = settings.ProviderSelectionType;
        if (selection is ProviderSelection.Local)
        {
            return new LocalActorRefProvider(systemName, settings, eventStream);
        }

        var type = Type.GetType(selection.Fqn)
            ?? throw new ConfigurationException(
                $"'actorparallel.actor.provider = {selection.Identifier}': type [{selection.Fqn}] was not found. " +
                "Use local, or reference the assembly that provides remote/cluster.");
        if (!typeof(IActorRefProvider).IsAssignableFrom(type))
        {
            throw new ConfigurationException($"'actorparallel.actor.provider': [{selection.Fqn}] is not an IActorRefProvider.");
        }

        return (IActorRefProvider)Activator.CreateInstance(type, systemName, settings, eventStream)!;
    }
}
