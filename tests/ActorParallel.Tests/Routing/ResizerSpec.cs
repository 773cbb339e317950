using ActorParallel.Actor;
using ActorParallel.Configuration;
using ActorParallel.Routing;
using Xunit.Abstractions;

namespace ActorParallel.Tests.Routing;

public sealed class ResizerSpec(ITestOutputHelper output) : RoutingTestKit("", output)
{
    [Fact]
    public void DefaultResizer_follows_Akkas_rampup_and_backoff_formulas()
    {
        var resizer = new DefaultResizer(2, 10, rampupRate: 0.2, backoffThreshold: 0.3, backoffRate: 0.1);
        Assert.Equal(0, resizer.Rampup(pressure: 9, capacity: 10));
        Assert.Equal(2, resizer.Rampup(pressure: 10, capacity: 10));
        Assert.Equal(1, resizer.Rampup(pressure: 3, capacity: 3));
        Assert.Equal(0, resizer.Backoff(pressure: 3, capacity: 10));
        Assert.Equal(-1, resizer.Backoff(pressure: 2, capacity: 10));
        Assert.Equal(-2, resizer.Backoff(pressure: 0, capacity: 15));
        Assert.Equal(0, new DefaultResizer(1, 10, backoffThreshold: 0.0).Backoff(0, 10));
    }

    [Fact]
    public void DefaultResizer_keeps_the_pool_within_its_bounds()
    {
        var resizer = new DefaultResizer(2, 3, rampupRate: 1.0);
        Assert.Equal(2, resizer.Capacity([]));
        Assert.True(resizer.IsTimeForResize(0));
        Assert.False(resizer.IsTimeForResize(9));
        Assert.True(resizer.IsTimeForResize(20));
    }

    [Theory]
    [InlineData(-1, 5, 0.2, 0.3, 0.1, 10)]
    [InlineData(5, 4, 0.2, 0.3, 0.1, 10)]
    [InlineData(1, 5, -0.2, 0.3, 0.1, 10)]
    [InlineData(1, 5, 0.2, 1.5, 0.1, 10)]
    [InlineData(1, 5, 0.2, 0.3, -0.1, 10)]
    [InlineData(1, 5, 0.2, 0.3, 0.1, 0)]
    public void DefaultResizer_rejects_bad_settings(int lower, int upper, double rampup, double backoffThreshold, double backoffRate, int perResize)
    {
        Assert.Throws<ArgumentException>(() => new DefaultResizer(lower, upper, 1, rampup, backoffThreshold, backoffRate, perResize));
    }

    [Fact]
    public void Resizer_is_read_from_a_deployment_section_only_when_enabled()
    {
        Assert.Null(Resizer.FromConfig(ConfigurationFactory.ParseString("resizer { enabled = off }")));
        var resizer = Assert.IsType<DefaultResizer>(Resizer.FromConfig(ConfigurationFactory.ParseString(
            "resizer { enabled = on, lower-bound = 2, upper-bound = 7, messages-per-resize = 3 }")));
        Assert.Equal((2, 7, 3, 0.2), (resizer.LowerBound, resizer.UpperBound, resizer.MessagesPerResize, resizer.RampupRate));
        Assert.Throws<ConfigurationException>(() => Resizer.FromConfig(ConfigurationFactory.ParseString(
            "resizer { enabled = on, lower-bound = 5, upper-bound = 2 }")));
    }

    [Fact]
    public void Pool_grows_under_pressure_and_shrinks_when_idle()
    {
        // Resizes happen at routed messages 0 (creation), 4, 8, ...: the test drives them by message count.
        var resizer = new DefaultResizer(2, 4, pressureThreshold: 1, rampupRate: 1.0, backoffThreshold: 0.3, backoffRate: 0.5, messagesPerResize: 4);
        using var latch = new ManualResetEventSlim();
        var router = Sys.ActorOf(new RoundRobinPool(2, resizer).Props(Props.Create(() => new BlockingActor(latch, TestActor))));
        try
        {
            Assert.Equal(2, RouteesOf(router).Count);
            router.Tell(new Broadcast("block"), TestActor);                 // message 1
            ExpectMsg("blocked", Long);
            ExpectMsg("blocked", Long);
            router.Tell("work", TestActor);                                 // 2: queued behind "block"
            router.Tell("work", TestActor);                                 // 3: queued behind "block"
            router.Tell("work", TestActor);                                 // 4: resize with both routees busy
            AwaitAssert(() => Assert.Equal(4, RouteesOf(router).Count), Long);
        }
        finally
        {
            latch.Set();
        }

        ExpectMsg("done", Long);
        ExpectMsg("done", Long);
        ExpectMsg("done", Long);
        for (var i = 5; i <= 7; i++)
        {
            router.Tell("work", TestActor);
            ExpectMsg("done", Long);
        }

        router.Tell("work", TestActor);                                     // 8: resize with (at most) one busy routee
        ExpectMsg("done", Long);
        AwaitAssert(() => Assert.Equal(2, RouteesOf(router).Count), Long);
    }

    [Fact]
    public void A_pool_with_a_resizer_survives_losing_all_routees()
    {
        var router = Sys.ActorOf(new RoundRobinPool(1, new DefaultResizer(1, 2)).Props(Props.Create<SilentActor>()));
        var routee = RouteeActors(router)[0];
        Watch(routee);
        Watch(router);
        Sys.Stop(routee);
        ExpectTerminated(routee, Long);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
