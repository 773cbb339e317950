using ActorParallel.Configuration;

namespace ActorParallel.Actor;

/// <summary>Which reference provider the system uses: <c>local</c>, <c>remote</c> or <c>cluster</c>.</summary>
public abstract class ProviderSelection
{
    internal const string LocalActorRefProvider = "ActorParallel.Actor.LocalActorRefProvider, ActorParallel";
    internal const string RemoteActorRefProvider = "ActorParallel.Remote.RemoteActorRefProvider, ActorParallel.Remote";
    internal const string ClusterActorRefProvider = "ActorParallel.Cluster.ClusterActorRefProvider, ActorParallel.Cluster";

    private ProviderSelection(string identifier, string fqn)
    {
        Identifier = identifier;
        Fqn = fqn;
    }

    public string Identifier { get; }

    public string Fqn { get; }

    public sealed class Local : ProviderSelection
    {
        public static Local Instance { get; } = new();

        private Local()
            : base("local", LocalActorRefProvider)
        {
        }
    }

    public sealed class Remote : ProviderSelection
    {
        public static Remote Instance { get; } = new();

        private Remote()
            : base("remote", RemoteActorRefProvider)
        {
        }
    }

    public sealed class Cluster : ProviderSelection
    {
        public static Cluster Instance { get; } = new();

        private Cluster()
            : base("cluster", ClusterActorRefProvider)
        {
        }
    }

    public sealed class Custom(string fqn, string? identifier = null) : ProviderSelection(identifier ?? fqn, fqn);

    /// <summary>Resolves the <c>actorparallel.actor.provider</c> value (a short name or a type name).</summary>
    public static ProviderSelection GetProvider(string providerClass) => providerClass switch
    {
        "local" => Local.Instance,
        "remote" => Remote.Instance,
        "cluster" => Cluster.Instance,
        LocalActorRefProvider or "ActorParallel.Actor.LocalActorRefProvider" => Local.Instance,
        _ when string.IsNullOrWhiteSpace(providerClass) =>
            throw new ConfigurationException("'actorparallel.actor.provider' is empty; use local, remote or cluster."),
        _ => new Custom(providerClass),
    };
}
