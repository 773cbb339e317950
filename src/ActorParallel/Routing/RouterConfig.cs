using ActorParallel.Actor;

namespace ActorParallel.Routing;

/// <summary>
/// Describes a router. <see cref="Props.WithRouter"/> attaches one; when the props of an actor carry a
/// router other than <see cref="NoRouter"/>, ActorOf calls <see cref="CreateRouterActor"/> instead of
/// creating a plain actor. Concrete routers (pools, groups) live in this namespace.
/// </summary>
public abstract class RouterConfig
{
    /// <summary>The dispatcher the router actor itself runs on.</summary>
    public virtual string RouterDispatcher => Dispatch.Dispatchers.DefaultDispatcherId;

    /// <summary>True for <see cref="NoRouter"/>.</summary>
    public virtual bool IsNoRouter => false;

    /// <summary>Merges code and config: by default the code's router wins unless it is <see cref="NoRouter"/>.</summary>
    public virtual RouterConfig WithFallback(RouterConfig routerConfig) => this;

    /// <summary>Messages the router handles itself rather than routing (e.g. GetRoutees).</summary>
    public virtual bool IsManagementMessage(object message) => false;

    /// <summary>
    /// The hook where ActorOf creates the router: <paramref name="props"/> carries this router config,
    /// already merged with deployment configuration. Routers override this; the base refuses.
    /// </summary>
    internal virtual IInternalActorRef CreateRouterActor(ActorSystemImpl system, Props props, IInternalActorRef supervisor, ActorPath path) =>
        throw new NotSupportedException($"Router {GetType().Name} cannot create a router actor (routers are not implemented).");
}
