using ActorParallel.Configuration;
using ActorParallel.Routing;

namespace ActorParallel.Actor;

/// <summary>
/// Where and how an actor is deployed: dispatcher, mailbox, router and scope. Comes from
/// <see cref="Props"/> and from <c>actorparallel.actor.deployment</c>; values set in code win.
/// </summary>
public sealed class Deploy : IEquatable<Deploy>
{
    /// <summary>No deployment information.</summary>
    public static readonly Deploy None = new(string.Empty, null, NoRouter.Instance, Scope.NoScopeGiven, string.Empty, string.Empty);

    /// <summary>Deploy locally with defaults.</summary>
    public static readonly Deploy Local = None.WithScope(LocalScope.Instance);

    public Deploy(string path, Config? config, RouterConfig routerConfig, Scope scope, string dispatcher, string mailbox)
    {
        Path = path;
        Config = config;
        RouterConfig = routerConfig;
        Scope = scope;
        Dispatcher = dispatcher;
        Mailbox = mailbox;
    }

    public Deploy(RouterConfig routerConfig, Scope scope)
        : this(string.Empty, null, routerConfig, scope, string.Empty, string.Empty)
    {
    }

    public Deploy(Scope scope)
        : this(string.Empty, null, NoRouter.Instance, scope, string.Empty, string.Empty)
    {
    }

    public string Path { get; }

    public Config? Config { get; }

    public RouterConfig RouterConfig { get; }

    public Scope Scope { get; }

    public string Dispatcher { get; }

    public string Mailbox { get; }

    /// <summary>Fills the unset parts of this deploy from <paramref name="other"/>.</summary>
    public Deploy WithFallback(Deploy? other)
    {
        if (other is null)
        {
            return this;
        }

        return new Deploy(
            Path,
            Config ?? other.Config,
            RouterConfig.WithFallback(other.RouterConfig),
            Scope.WithFallback(other.Scope),
            string.IsNullOrEmpty(Dispatcher) ? other.Dispatcher : Dispatcher,
            string.IsNullOrEmpty(Mailbox) ? other.Mailbox : Mailbox);
    }

    public Deploy WithScope(Scope scope) => new(Path, Config, RouterConfig, scope, Dispatcher, Mailbox);

    public Deploy WithDispatcher(string dispatcher) => new(Path, Config, RouterConfig, Scope, dispatcher, Mailbox);

    public Deploy WithMailbox(string mailbox) => new(Path, Config, RouterConfig, Scope, Dispatcher, mailbox);

    public Deploy WithRouterConfig(RouterConfig routerConfig) => new(Path, Config, routerConfig, Scope, Dispatcher, Mailbox);

    public bool Equals(Deploy? other) =>
        other is not null && Path == other.Path && Equals(RouterConfig, other.RouterConfig) && Equals(Scope, other.Scope)
        && Dispatcher == other.Dispatcher && Mailbox == other.Mailbox;

    public override bool Equals(object? obj) => obj is Deploy other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Path, RouterConfig, Scope, Dispatcher, Mailbox);

    public override string ToString() => $"Deploy({Path}, router={RouterConfig}, dispatcher={Dispatcher}, mailbox={Mailbox})";
}
