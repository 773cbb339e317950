using System.Linq.Expressions;
using ActorParallel.Routing;

namespace ActorParallel.Actor;

/// <summary>
/// An immutable recipe for creating an actor: its type and constructor arguments plus deployment
/// options (dispatcher, mailbox, router, supervisor strategy). Every <c>With*</c> returns a copy.
/// </summary>
public sealed class Props
{
    private readonly IIndirectActorProducer _producer;

    private Props(IIndirectActorProducer producer, object?[] arguments, Deploy deploy, SupervisorStrategy? supervisorStrategy, int stashCapacity = -1)
    {
        StashCapacity = stashCapacity;
        _producer = producer;
        Arguments = arguments;
        Deploy = deploy;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>Props of an actor that ignores everything.</summary>
    public static Props Empty { get; } = Create<EmptyActor>();

    /// <summary>Stands for "no props" (as in Akka).</summary>
    public static readonly Props None = Empty;

    public Type Type => _producer.ActorType;

    public string TypeName => Type.AssemblyQualifiedName!;

    public IReadOnlyList<object?> Arguments { get; }

    public Deploy Deploy { get; }

    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Capacity of the actor's stash set by <see cref="WithStashCapacity"/>; -1 when not set.</summary>
    public int StashCapacity { get; }

    public string Dispatcher => string.IsNullOrEmpty(Deploy.Dispatcher) ? Dispatch.Dispatchers.DefaultDispatcherId : Deploy.Dispatcher;

    public string Mailbox => string.IsNullOrEmpty(Deploy.Mailbox) ? Dispatch.Mailboxes.DefaultMailboxId : Deploy.Mailbox;

    public RouterConfig RouterConfig => Deploy.RouterConfig;

    public static Props Create<TActor>(Expression<Func<TActor>> factory, SupervisorStrategy? supervisorStrategy = null)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        var producer = ActorProducer.FromExpression(factory);
        return new Props(producer, [.. producer.Arguments], Deploy.Local, supervisorStrategy);
    }

    public static Props Create<TActor>(params object?[] args)
        where TActor : ActorBase => Create(typeof(TActor), args);

    public static Props Create<TActor>(SupervisorStrategy supervisorStrategy)
        where TActor : ActorBase, new() => Create<TActor>().WithSupervisorStrategy(supervisorStrategy);

    public static Props Create(Type type, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(type);
        args ??= [];
        return new Props(ActorProducer.FromArguments(type, args), args, Deploy.Local, null);
    }

    public static Props CreateBy(IIndirectActorProducer producer, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(producer);
        return new Props(producer, args ?? [], Deploy.Local, null);
    }

    public Props WithDispatcher(string dispatcher) => new(_producer, [.. Arguments], Deploy.WithDispatcher(dispatcher), SupervisorStrategy, StashCapacity);

    public Props WithMailbox(string mailbox) => new(_producer, [.. Arguments], Deploy.WithMailbox(mailbox), SupervisorStrategy, StashCapacity);

    public Props WithRouter(RouterConfig routerConfig) =>
        new(_producer, [.. Arguments], Deploy.WithRouterConfig(routerConfig ?? NoRouter.Instance), SupervisorStrategy, StashCapacity);

    public Props WithDeploy(Deploy deploy)
    {
        ArgumentNullException.ThrowIfNull(deploy);
        return new(_producer, [.. Arguments], deploy.WithFallback(Deploy), SupervisorStrategy, StashCapacity);
    }

    public Props WithSupervisorStrategy(SupervisorStrategy supervisorStrategy) =>
        new(_producer, [.. Arguments], Deploy, supervisorStrategy, StashCapacity);

    /// <summary>
    /// Bounds the stash of an actor made from these props (an <see cref="IWithBoundedStash"/> or any stashing actor):
    /// stashing beyond <paramref name="capacity"/> throws <see cref="StashOverflowException"/>. Zero or negative
    /// means "not set": the mailbox's <c>stash-capacity</c> applies (unbounded by default).
    /// </summary>
    public Props WithStashCapacity(int capacity) => new(_producer, [.. Arguments], Deploy, SupervisorStrategy, capacity);

    /// <summary>Creates a new instance; called by the runtime inside the actor's cell.</summary>
    internal ActorBase NewActor() => _producer.Produce();

    internal void Release(ActorBase actor) => _producer.Release(actor);

    public override string ToString() => $"Props({Type.Name}, dispatcher={Dispatcher}, mailbox={Mailbox}, router={RouterConfig})";

    /// <summary>Actor behind <see cref="Empty"/>: handles nothing.</summary>
    private sealed class EmptyActor : ActorBase
    {
        protected override bool Receive(object message) => false;
    }
}
