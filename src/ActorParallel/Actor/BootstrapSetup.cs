using ActorParallel.Configuration;

namespace ActorParallel.Actor;

/// <summary>Config and provider for a new system; the setup-based way to pass what Create(name, config) takes.</summary>
public sealed class BootstrapSetup : Setup.Setup
{
    private BootstrapSetup(Config? config, ProviderSelection? provider)
    {
        Config = config;
        ActorRefProvider = provider;
    }

    public Config? Config { get; }

    public ProviderSelection? ActorRefProvider { get; }

    public static BootstrapSetup Create() => new(null, null);

    public BootstrapSetup WithConfig(Config config) => new(config, ActorRefProvider);

    /// <summary>Uses <paramref name="config"/> for whatever the current config does not set.</summary>
    public BootstrapSetup WithConfigFallback(Config config) => new(Config is null ? config : Config.WithFallback(config), ActorRefProvider);

    public BootstrapSetup WithActorRefProvider(ProviderSelection provider) => new(Config, provider);
}
