using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>
/// Use the router described for this actor's path in <c>actorparallel.actor.deployment</c>. If the
/// deployment section has no router for the path, ActorOf fails with a <see cref="ConfigurationException"/>.
/// </summary>
public sealed class FromConfig : RouterConfig
{
    public static FromConfig Instance { get; } = new();

    private FromConfig()
    {
    }

    public override RouterConfig WithFallback(RouterConfig routerConfig) =>
        routerConfig is NoRouter or FromConfig ? this : routerConfig;

    internal override IInternalActorRef CreateRouterActor(ActorSystemImpl system, Props props, IInternalActorRef supervisor, ActorPath path) =>
        throw new ConfigurationException(
            $"Configuration missing for router [{path.ToStringWithoutAddress()}] in 'actorparallel.actor.deployment' with router = FromConfig.");

    public override Router CreateRouter(ActorSystem system) =>
        throw new NotSupportedException("FromConfig has no router logic of its own.");

    public override string ToString() => "FromConfig";
}
