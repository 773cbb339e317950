using ActorParallel.Actor;

namespace ActorParallel.Routing;

/// <summary>No router: the actor is a plain actor. Falls back to whatever the other config says.</summary>
public sealed class NoRouter : RouterConfig
{
    public static NoRouter Instance { get; } = new();

    private NoRouter()
    {
    }

    public override bool IsNoRouter => true;

    public override RouterConfig WithFallback(RouterConfig routerConfig) => routerConfig;

    public override Router CreateRouter(ActorSystem system) =>
        throw new NotSupportedException("NoRouter has no router logic of its own.");

    public override string ToString() => "NoRouter";
}
