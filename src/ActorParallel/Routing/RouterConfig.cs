using ActorParallel.Actor;

namespace ActorParallel.Routing;

/// <summary>
/// Describes a router. <see cref="Props.WithRouter"/> attaches one; when the props of an actor carry a
/// router other than <see cref="NoRouter"/>, ActorOf calls <see cref="CreateRouterActor"/> instead of
/// creating a plain actor. <see cref="Pool"/> and <see cref="Group"/> are the two kinds of router.
/// </summary>
public abstract class RouterConfig
{
    /// <summary>The dispatcher the router actor itself runs on.</summary>
    public virtual string RouterDispatcher => Dispatch.Dispatchers.DefaultDispatcherId;

    /// <summary>True for <see cref="NoRouter"/>.</summary>
    public virtual bool IsNoRouter => false;

    /// <summary>Whether the router actor stops once its last routee is gone.</summary>
    public virtual bool StopRouterWhenAllRouteesRemoved => true;

    /// <summary>Merges code and config: by default the code's router wins unless it is <see cref="NoRouter"/>.</summary>
    public virtual RouterConfig WithFallback(RouterConfig routerConfig) => this;

    /// <summary>
    /// Messages the router actor handles itself (through its mailbox) rather than routing: auto-received
    /// messages such as <see cref="PoisonPill"/>, <see cref="Kill"/> and <see cref="Terminated"/>, and the
    /// <see cref="RouterManagementMessage"/>s.
    /// </summary>
    public virtual bool IsManagementMessage(object message) =>
        message is IAutoReceivedMessage or RouterManagementMessage;

    /// <summary>A router (logic without routees) for this configuration. Pools and groups implement it.</summary>
    public virtual Router CreateRouter(ActorSystem system) =>
        throw new NotSupportedException($"Router {GetType().Name} has no routing logic.");

    /// <summary>
    /// The hook where ActorOf creates the router: <paramref name="props"/> carries this router config,
    /// already merged with deployment configuration. Pools and groups override this; the base refuses.
    /// </summary>
    internal virtual IInternalActorRef CreateRouterActor(ActorSystemImpl system, Props props, IInternalActorRef supervisor, ActorPath path) =>
        throw new NotSupportedException($"Router {GetType().Name} cannot create a router actor.");
}
