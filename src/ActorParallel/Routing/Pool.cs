using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>
/// A router that creates its routees as its own children from the routee props, supervises them with
/// <see cref="SupervisorStrategy"/>, drops the ones that terminate, stops when the last one is gone
/// (unless it has a resizer) and optionally resizes itself with a <see cref="Routing.Resizer"/>.
/// </summary>
public abstract class Pool : RouterConfig
{
    protected Pool(int nrOfInstances, Resizer? resizer, SupervisorStrategy? supervisorStrategy, string? routerDispatcher, bool usePoolDispatcher = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nrOfInstances);
        NrOfInstances = nrOfInstances;
        Resizer = resizer;
        SupervisorStrategy = supervisorStrategy ?? DefaultSupervisorStrategy;
        RouterDispatcher = string.IsNullOrEmpty(routerDispatcher) ? Dispatch.Dispatchers.DefaultDispatcherId : routerDispatcher;
        UsePoolDispatcher = usePoolDispatcher;
    }

    /// <summary>Reads <c>nr-of-instances</c>, <c>resizer</c> and <c>pool-dispatcher</c> from a deployment section.</summary>
    protected Pool(Config config)
        : this(ReadNrOfInstances(config), Resizer.FromConfig(config), null, null, config.HasPath("pool-dispatcher"))
    {
    }

    /// <summary>
    /// Akka's default for pools: one-for-one, at most 10 restarts in 10 seconds, and every failure of a
    /// routee is escalated, so the router's own supervisor decides (by default it restarts the router,
    /// which restarts the routees).
    /// </summary>
    public static SupervisorStrategy DefaultSupervisorStrategy { get; } =
        new OneForOneStrategy(10, TimeSpan.FromSeconds(10), Decider.From(Directive.Escalate));

    /// <summary>The initial number of routees.</summary>
    public int NrOfInstances { get; }

    public Resizer? Resizer { get; }

    /// <summary>How the router supervises its routees.</summary>
    public SupervisorStrategy SupervisorStrategy { get; }

    public override string RouterDispatcher { get; }

    /// <summary>Carried for compatibility with Akka's <c>pool-dispatcher</c>; routees use the deployment's dispatcher.</summary>
    public bool UsePoolDispatcher { get; }

    public override bool StopRouterWhenAllRouteesRemoved => Resizer is null;

    /// <summary>The initial number of routees in <paramref name="system"/>.</summary>
    public virtual int GetNrOfInstances(ActorSystem system) => NrOfInstances;

    /// <summary>Creates one routee as a child of the router (<paramref name="context"/>).</summary>
    public virtual Routee NewRoutee(Props routeeProps, IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ActorRefRoutee(context.ActorOf(routeeProps));
    }

    /// <summary>Props for a router of this kind whose routees are created from <paramref name="routeeProps"/>.</summary>
    public Props Props(Props routeeProps)
    {
        ArgumentNullException.ThrowIfNull(routeeProps);
        return routeeProps.WithRouter(this);
    }

    public abstract Pool WithSupervisorStrategy(SupervisorStrategy strategy);

    public abstract Pool WithResizer(Resizer resizer);

    public abstract Pool WithDispatcher(string dispatcher);

    /// <summary>
    /// Akka's merge of a deployment's pool with the pool given in code: this (the deployment's) router wins,
    /// but takes the code's supervisor strategy and resizer where it has none of its own.
    /// </summary>
    public override RouterConfig WithFallback(RouterConfig routerConfig)
    {
        if (routerConfig is not Pool other)
        {
            return this;
        }

        var merged = ReferenceEquals(SupervisorStrategy, DefaultSupervisorStrategy) && !ReferenceEquals(other.SupervisorStrategy, DefaultSupervisorStrategy)
            ? WithSupervisorStrategy(other.SupervisorStrategy)
            : this;
        return merged.Resizer is null && other.Resizer is not null ? merged.WithResizer(other.Resizer) : merged;
    }

    internal override IInternalActorRef CreateRouterActor(ActorSystemImpl system, Props props, IInternalActorRef supervisor, ActorPath path) =>
        RoutedCell.Create(system, this, props, supervisor, path);

    public override string ToString() =>
        $"{GetType().Name}(nr-of-instances={NrOfInstances}, resizer={Resizer?.ToString() ?? "none"}, dispatcher={RouterDispatcher})";

    private static int ReadNrOfInstances(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var value = config.GetInt("nr-of-instances", 1);
        return value >= 0
            ? value
            : throw new ConfigurationException($"nr-of-instances = {value}: a pool needs a number of routees >= 0 (use e.g. nr-of-instances = 4).");
    }
}
