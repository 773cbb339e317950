using ActorParallel.Actor;
using ActorParallel.Routing;
using Xunit.Abstractions;

namespace ActorParallel.Tests.Routing;

public sealed class PoolRouterSpec(ITestOutputHelper output) : RoutingTestKit("", output)
{
    [Fact]
    public void RoundRobinPool_takes_the_routees_in_turn()
    {
        var router = Sys.ActorOf(new RoundRobinPool(4).Props(Props.Create(() => new RouteeActor(TestActor))), "rr");
        var answers = Identities(router, 8);
        Assert.Equal(4, answers.Take(4).Distinct().Count());
        Assert.Equal(answers.Take(4), answers.Skip(4));
        Assert.Equal(RouteeActors(router).OrderBy(a => a.Path.Name), answers.Take(4).OrderBy(a => a.Path.Name));
        Assert.All(answers, a => Assert.Equal(router.Path, a.Path.Parent));
    }

    [Fact]
    public void Routees_see_the_original_sender()
    {
        var router = Sys.ActorOf(new RoundRobinPool(2).Props(Props.Create(() => new RouteeActor(TestActor))));
        var sender = CreateTestProbe();
        router.Tell("hello", sender.Ref);
        var (_, message) = ExpectMsg<(string, object)>(Long);
        Assert.Equal("hello", message);
        Assert.Equal(sender.Ref, LastSender);
    }

    [Fact]
    public void Pool_routes_on_the_senders_thread_without_the_router_mailbox()
    {
        // Routees on the calling-thread dispatcher run where they are told: if the router routed from its own
        // mailbox they would run on a router thread, not on this one.
        var routeeProps = Props.Create(() => new RouteeActor(TestActor)).WithDispatcher(Dispatch.Dispatchers.CallingThreadDispatcherId);
        var router = Sys.ActorOf(new RoundRobinPool(2).Props(routeeProps));
        var here = Environment.CurrentManagedThreadId;
        for (var i = 0; i < 4; i++)
        {
            router.Tell("thread?", TestActor);
            Assert.Equal(here, ExpectMsg<int>(Long));
        }
    }

    [Fact]
    public void Pool_routees_are_children_of_the_router_and_reachable_by_selection()
    {
        var router = Sys.ActorOf(new RoundRobinPool(2).Props(Props.Create(() => new RouteeActor(TestActor))), "parent");
        var routee = RouteeActors(router)[1];
        Assert.Equal("/user/parent/" + routee.Path.Name, routee.Path.ToStringWithoutAddress());
        Sys.ActorSelection(routee.Path.ToStringWithoutAddress()).Tell("id?", TestActor);
        Assert.Equal(routee, ExpectMsg<IActorRef>(Long));
    }

    [Fact]
    public void RandomPool_uses_only_its_routees()
    {
        var router = Sys.ActorOf(new RandomPool(3).Props(Props.Create(() => new RouteeActor(TestActor))));
        var routees = RouteeActors(router);
        Assert.Equal(3, routees.Count);
        Assert.All(Identities(router, 30), a => Assert.Contains(a, routees));
    }

    [Fact]
    public void BroadcastPool_sends_every_message_to_every_routee()
    {
        var router = Sys.ActorOf(new BroadcastPool(3).Props(Props.Create(() => new RouteeActor(TestActor))));
        router.Tell("id?", TestActor);
        var answers = new[] { ExpectMsg<IActorRef>(Long), ExpectMsg<IActorRef>(Long), ExpectMsg<IActorRef>(Long) };
        Assert.Equal(3, answers.Distinct().Count());
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Broadcast_envelope_reaches_every_routee_of_any_router_unwrapped()
    {
        var router = Sys.ActorOf(new RoundRobinPool(4).Props(Props.Create(() => new RouteeActor(TestActor))));
        router.Tell(new Broadcast("id?"), TestActor);
        var answers = Enumerable.Range(0, 4).Select(_ => ExpectMsg<IActorRef>(Long)).ToList();
        Assert.Equal(4, answers.Distinct().Count());
    }

    [Fact]
    public void GetRoutees_lists_the_pool_routees()
    {
        var router = Sys.ActorOf(new RoundRobinPool(3).Props(Props.Create<SilentActor>()));
        var routees = RouteesOf(router);
        Assert.Equal(3, routees.Count);
        Assert.All(routees, r => Assert.IsType<ActorRefRoutee>(r));
    }

    [Fact]
    public void PoisonPill_stops_the_router_and_its_routees()
    {
        var router = Sys.ActorOf(new RoundRobinPool(3).Props(Props.Create<SilentActor>()));
        var routees = RouteeActors(router);
        Watch(router);
        foreach (var routee in routees)
        {
            Watch(routee);
        }

        router.Tell(PoisonPill.Instance, TestActor);
        var terminated = Enumerable.Range(0, 4).Select(_ => ExpectMsg<Terminated>(Long).ActorRef).ToHashSet();
        Assert.Contains(router, terminated);
        Assert.All(routees, r => Assert.Contains(r, terminated));
    }

    [Fact]
    public void Broadcast_PoisonPill_stops_the_routees_and_then_the_router()
    {
        var router = Sys.ActorOf(new RoundRobinPool(3).Props(Props.Create<SilentActor>()));
        var routees = RouteeActors(router);
        foreach (var routee in routees)
        {
            Watch(routee);
        }

        Watch(router);
        router.Tell(new Broadcast(PoisonPill.Instance), TestActor);
        var terminated = Enumerable.Range(0, 4).Select(_ => ExpectMsg<Terminated>(Long).ActorRef).ToHashSet();
        Assert.Contains(router, terminated);
        Assert.All(routees, r => Assert.Contains(r, terminated));
    }

    [Fact]
    public void A_terminated_routee_is_removed_and_the_router_keeps_routing()
    {
        var router = Sys.ActorOf(new RoundRobinPool(3).Props(Props.Create(() => new RouteeActor(TestActor))));
        var victim = RouteeActors(router)[0];
        Watch(victim);
        Sys.Stop(victim);
        ExpectTerminated(victim, Long);
        AwaitAssert(() => Assert.Equal(2, RouteesOf(router).Count), Long);
        Assert.DoesNotContain(victim, Identities(router, 4));
    }

    [Fact]
    public void AdjustPoolSize_grows_and_shrinks_the_pool()
    {
        var router = Sys.ActorOf(new RoundRobinPool(3).Props(Props.Create<SilentActor>()));
        router.Tell(new AdjustPoolSize(2), TestActor);
        Assert.Equal(5, RouteesOf(router).Count);
        var before = RouteeActors(router);
        foreach (var routee in before)
        {
            Watch(routee);
        }

        router.Tell(new AdjustPoolSize(-3), TestActor);
        Assert.Equal(2, RouteesOf(router).Count);
        var stopped = Enumerable.Range(0, 3).Select(_ => ExpectMsg<Terminated>(Long).ActorRef).ToHashSet();
        Assert.Equal(before.Skip(2).ToHashSet(), stopped);
    }

    [Fact]
    public void AddRoutee_and_RemoveRoutee_change_the_routees()
    {
        var router = Sys.ActorOf(new RoundRobinPool(1).Props(Props.Create(() => new RouteeActor(TestActor))));
        var extra = Sys.ActorOf(Props.Create(() => new RouteeActor(TestActor)), "extra");
        router.Tell(new AddRoutee(new ActorRefRoutee(extra)), TestActor);
        Assert.Contains(new ActorRefRoutee(extra), RouteesOf(router));
        Assert.Contains(extra, Identities(router, 2));

        router.Tell(new RemoveRoutee(new ActorRefRoutee(extra)), TestActor);
        Assert.DoesNotContain(new ActorRefRoutee(extra), RouteesOf(router));
        Assert.DoesNotContain(extra, Identities(router, 2));

        // Not the router's child: removing it must not stop it.
        Assert.Equal(extra, Identities(extra, 1)[0]);
    }

    [Fact]
    public void SmallestMailboxPool_prefers_an_idle_routee()
    {
        using var latch = new ManualResetEventSlim();
        var router = Sys.ActorOf(new SmallestMailboxPool(3).Props(Props.Create(() => new BlockingActor(latch, TestActor))));
        try
        {
            router.Tell("block", TestActor);
            ExpectMsg("blocked", Long);
            var first = LastSender;
            router.Tell("block", TestActor);
            ExpectMsg("blocked", Long);
            var second = LastSender;
            Assert.NotEqual(first, second);

            // Two routees are busy, so this goes to the third, idle one.
            router.Tell("where?", TestActor);
            var third = ExpectMsg<(string, IActorRef)>(Long).Item2;
            Assert.DoesNotContain(third, new[] { first, second });
        }
        finally
        {
            latch.Set();
        }
    }

    [Fact]
    public void A_router_in_code_can_be_a_plain_Router_inside_an_actor()
    {
        var a = Sys.ActorOf(Props.Create(() => new RouteeActor(TestActor)));
        var b = Sys.ActorOf(Props.Create(() => new RouteeActor(TestActor)));
        var router = new Router(new RoundRobinRoutingLogic(), a, b);
        router.Route("id?", TestActor);
        router.Route("id?", TestActor);
        Assert.Equal(new[] { a, b }.ToHashSet(), new[] { ExpectMsg<IActorRef>(Long), ExpectMsg<IActorRef>(Long) }.ToHashSet());
        Assert.Single(router.RemoveRoutee(a).Routees);
    }
}
