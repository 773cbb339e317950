using ActorParallel.Actor;
using ActorParallel.Routing;
using Xunit.Abstractions;

namespace ActorParallel.Tests.Routing;

public sealed class RouterSupervisionSpec(ITestOutputHelper output) : RoutingTestKit("", output)
{
    [Fact]
    public void Pool_default_strategy_escalates_to_the_routers_parent_which_restarts_router_and_routees()
    {
        Assert.Same(Pool.DefaultSupervisorStrategy, new RoundRobinPool(1).SupervisorStrategy);
        var router = Sys.ActorOf(new RoundRobinPool(1).Props(Props.Create(() => new LifecycleActor(TestActor, "r"))));
        ExpectMsg("r:ctor", Long);
        ExpectMsg("r:PreStart", Long);
        router.Tell(new InvalidOperationException("boom"), TestActor);
        var seen = new List<string>();
        while (seen.LastOrDefault() != "r:PostRestart")
        {
            seen.Add(ExpectMsg<string>(Long));
        }

        Assert.Contains("r:PreRestart:InvalidOperationException", seen);
        ExpectMsg("r:PreStart", Long);
        router.Tell("ping", TestActor);
        ExpectMsg("pong", Long);
        Assert.Single(RouteesOf(router));
    }

    [Fact]
    public void A_custom_strategy_that_stops_removes_the_routee_and_the_empty_pool_stops()
    {
        var router = Sys.ActorOf(new RoundRobinPool(1)
            .WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Stop))
            .Props(Props.Create(() => new LifecycleActor(TestActor, "r"))));
        ExpectMsg("r:ctor", Long);
        ExpectMsg("r:PreStart", Long);
        Watch(router);
        router.Tell(new InvalidOperationException("boom"), TestActor);
        ExpectMsg("r:PostStop", Long);
        ExpectTerminated(router, Long);
    }
}
