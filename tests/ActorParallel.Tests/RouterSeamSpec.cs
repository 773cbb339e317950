using ActorParallel.Actor;
using ActorParallel.Configuration;
using ActorParallel.Routing;

namespace ActorParallel.Tests;

public sealed class RouterSeamSpec
{
    [Fact]
    public void FromConfig_without_deployment_is_a_configuration_error()
    {
        using var system = ActorSystem.Create("routers");
        var error = Assert.Throws<ConfigurationException>(() => system.ActorOf(Props.Create<EchoActor>().WithRouter(FromConfig.Instance), "workers"));
        Assert.Contains("/workers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deployment_router_names_resolve_through_type_mapping()
    {
        using var system = ActorSystem.Create("mapping", ConfigurationFactory.ParseString("""
            actorparallel.actor.router.type-mapping.test-router = "ActorParallel.Tests.TestRouterConfig, ActorParallel.Tests"
            actorparallel.actor.deployment { "/routed" { router = test-router, nr-of-instances = 4 } }
            """));
        var deploy = ((ExtendedActorSystem)system).Provider.Deployer.Lookup(["routed"]);
        var router = Assert.IsType<TestRouterConfig>(deploy!.RouterConfig);
        Assert.Equal(4, router.Instances);
        Assert.Equal(TimeSpan.FromSeconds(5), router.Within);
    }

    [Fact]
    public void Unknown_router_name_is_a_configuration_error()
    {
        var error = Assert.Throws<ConfigurationException>(() => ActorSystem.Create("badrouter", ConfigurationFactory.ParseString(
            "actorparallel.actor.deployment { \"/x\" { router = warp-pool } }")));
        Assert.Contains("warp-pool", error.Message, StringComparison.Ordinal);
    }
}

public sealed class TestRouterConfig(Config config) : RouterConfig
{
    public int Instances { get; } = config.GetInt("nr-of-instances");

    public TimeSpan Within { get; } = config.GetTimeSpan("within");
}
