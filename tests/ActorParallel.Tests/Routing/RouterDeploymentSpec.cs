using ActorParallel.Actor;
using ActorParallel.Configuration;
using ActorParallel.Routing;
using Xunit.Abstractions;

namespace ActorParallel.Tests.Routing;

public sealed class RouterDeploymentSpec(ITestOutputHelper output) : RoutingTestKit(Config, output)
{
    private const string Config = """
        actorparallel.actor.deployment {
          /workers { router = round-robin-pool, nr-of-instances = 4 }
          /overridden { router = random-pool, nr-of-instances = 5 }
          /dispatched { dispatcher = actorparallel.actor.calling-thread-dispatcher }
          /group { router = broadcast-group, routees.paths = ["/user/w1", "/user/w2"] }
          /hashing { router = consistent-hashing-pool, nr-of-instances = 3, virtual-nodes-factor = 7 }
          /resizing { router = round-robin-pool, nr-of-instances = 1, resizer { enabled = on, lower-bound = 3, upper-bound = 5 } }
          "/parent/*" { router = smallest-mailbox-pool, nr-of-instances = 2 }
        }
        """;

    [Fact]
    public void FromConfig_pool_takes_type_and_size_from_the_deployment()
    {
        var router = Sys.ActorOf(Props.Create(() => new RouteeActor(TestActor)).WithRouter(FromConfig.Instance), "workers");
        Assert.Equal(4, RouteesOf(router).Count);
        var answers = Identities(router, 8);
        Assert.Equal(answers.Take(4), answers.Skip(4));
    }

    [Fact]
    public void FromConfig_group_takes_its_paths_from_the_deployment()
    {
        var w1 = Sys.ActorOf(Props.Create(() => new RouteeActor(TestActor)), "w1");
        var w2 = Sys.ActorOf(Props.Create(() => new RouteeActor(TestActor)), "w2");
        var router = Sys.ActorOf(Props.Empty.WithRouter(FromConfig.Instance), "group");
        router.Tell("id?", TestActor);
        Assert.Equal(new[] { w1, w2 }.ToHashSet(), new[] { ExpectMsg<IActorRef>(Long), ExpectMsg<IActorRef>(Long) }.ToHashSet());
    }

    [Fact]
    public void A_deployment_router_overrides_the_router_in_code()
    {
        var router = Sys.ActorOf(new RoundRobinPool(2).Props(Props.Create<SilentActor>()), "overridden");
        Assert.Equal(5, RouteesOf(router).Count);
    }

    [Fact]
    public void A_deployment_without_router_keeps_the_code_router_and_gives_routees_its_dispatcher()
    {
        var router = Sys.ActorOf(new RoundRobinPool(2).Props(Props.Create(() => new RouteeActor(TestActor))), "dispatched");
        Assert.Equal(2, RouteesOf(router).Count);
        router.Tell("thread?", TestActor);
        Assert.Equal(Environment.CurrentManagedThreadId, ExpectMsg<int>(Long));
    }

    [Fact]
    public void Wildcard_deployment_applies_to_children_of_the_parent()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.DefaultStrategy)), "parent");
        parent.Tell((Props.Create<SilentActor>().WithRouter(FromConfig.Instance), "kids"), TestActor);
        var router = ExpectMsg<IActorRef>(Long);
        Assert.Equal(2, RouteesOf(router).Count);
    }

    [Fact]
    public void Consistent_hashing_and_resizer_settings_come_from_the_deployment()
    {
        var deploy = ((ActorSystemImpl)Sys).Provider.Deployer.Lookup(["hashing"]);
        var hashing = Assert.IsType<ConsistentHashingPool>(deploy?.RouterConfig);
        Assert.Equal((3, 7), (hashing.NrOfInstances, hashing.VirtualNodesFactor));

        var router = Sys.ActorOf(Props.Create<SilentActor>().WithRouter(FromConfig.Instance), "resizing");
        Assert.Equal(3, RouteesOf(router).Count);
    }

    [Fact]
    public void FromConfig_without_a_deployment_is_a_configuration_error()
    {
        var error = Assert.Throws<ConfigurationException>(() => Sys.ActorOf(Props.Create<SilentActor>().WithRouter(FromConfig.Instance), "nowhere"));
        Assert.Contains("/nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pools_and_groups_read_their_settings_from_config()
    {
        var tail = new TailChoppingPool(ConfigurationFactory.ParseString("nr-of-instances = 2, within = 2s, tail-chopping-router.interval = 25ms"));
        Assert.Equal((2, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(25)), (tail.NrOfInstances, tail.Within, tail.Interval));
        var scatter = new ScatterGatherFirstCompletedGroup(ConfigurationFactory.ParseString("routees.paths = [\"/user/a\"], within = 3s"));
        Assert.Equal(["/user/a"], scatter.Paths);
        Assert.Equal(TimeSpan.FromSeconds(3), scatter.Within);
    }

    [Theory]
    [InlineData("router = round-robbin-pool", "round-robbin-pool")]
    [InlineData("router = round-robin-pool, nr-of-instances = -2", "nr-of-instances")]
    [InlineData("router = round-robin-group", "routees.paths")]
    [InlineData("router = tail-chopping-pool, within = 0s", "within")]
    [InlineData("router = round-robin-pool, resizer { enabled = on, lower-bound = 4, upper-bound = 2 }", "upper-bound")]
    public void Bad_router_deployments_fail_at_startup_naming_the_key(string entry, string mentioned)
    {
        var config = ConfigurationFactory.ParseString($"actorparallel.actor.deployment {{ /bad {{ {entry} }} }}");
        var error = Assert.Throws<ConfigurationException>(() => ActorSystem.Create("bad", config).Dispose());
        Assert.Contains("/bad", error.Message, StringComparison.Ordinal);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_router_name_lists_the_allowed_names()
    {
        var config = ConfigurationFactory.ParseString("actorparallel.actor.deployment { /bad { router = fastest } }");
        var error = Assert.Throws<ConfigurationException>(() => ActorSystem.Create("bad", config).Dispose());
        Assert.Contains("round-robin-pool", error.Message, StringComparison.Ordinal);
        Assert.Contains("consistent-hashing-group", error.Message, StringComparison.Ordinal);
    }
}
