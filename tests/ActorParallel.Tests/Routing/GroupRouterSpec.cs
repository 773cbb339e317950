using ActorParallel.Actor;
using ActorParallel.Routing;
using Xunit.Abstractions;

namespace ActorParallel.Tests.Routing;

public sealed class GroupRouterSpec(ITestOutputHelper output) : RoutingTestKit("", output)
{
    private IActorRef[] Workers(int count) =>
        [.. Enumerable.Range(1, count).Select(i => Sys.ActorOf(Props.Create(() => new RouteeActor(TestActor)), $"w{i}"))];

    [Fact]
    public void RoundRobinGroup_takes_the_actors_at_its_paths_in_turn()
    {
        var workers = Workers(3);
        var router = Sys.ActorOf(new RoundRobinGroup("/user/w1", "/user/w2", "/user/w3").Props(), "group");
        var answers = Identities(router, 6);
        Assert.Equal(workers.ToHashSet(), answers.Take(3).ToHashSet());
        Assert.Equal(answers.Take(3), answers.Skip(3));
    }

    [Fact]
    public void Group_routees_are_selections_and_the_sender_is_preserved()
    {
        Workers(2);
        var router = Sys.ActorOf(new RoundRobinGroup(new[] { "/user/w1", "/user/w2" }).Props());
        Assert.All(RouteesOf(router), r => Assert.IsType<ActorSelectionRoutee>(r));
        var sender = CreateTestProbe();
        router.Tell("hi", sender.Ref);
        Assert.Equal("hi", ExpectMsg<(string, object)>(Long).Item2);
        Assert.Equal(sender.Ref, LastSender);
    }

    [Fact]
    public void BroadcastGroup_and_RandomGroup_reach_their_routees()
    {
        var workers = Workers(3);
        var broadcast = Sys.ActorOf(new BroadcastGroup("/user/w1", "/user/w2", "/user/w3").Props());
        broadcast.Tell("id?", TestActor);
        Assert.Equal(workers.ToHashSet(), Enumerable.Range(0, 3).Select(_ => ExpectMsg<IActorRef>(Long)).ToHashSet());

        var random = Sys.ActorOf(new RandomGroup("/user/w1", "/user/w2", "/user/w3").Props());
        Assert.All(Identities(random, 10), a => Assert.Contains(a, workers));
    }

    [Fact]
    public void Stopping_a_group_router_leaves_the_routees_alive()
    {
        var workers = Workers(2);
        var router = Sys.ActorOf(new RoundRobinGroup("/user/w1", "/user/w2").Props());
        Watch(router);
        router.Tell(PoisonPill.Instance, TestActor);
        ExpectTerminated(router, Long);
        Assert.Equal(workers[0], Identities(workers[0], 1)[0]);
    }

    [Fact]
    public void Messages_to_a_stopped_group_router_go_to_dead_letters_not_to_the_routees()
    {
        Workers(1);
        var router = Sys.ActorOf(new RoundRobinGroup("/user/w1").Props());
        Watch(router);
        Sys.Stop(router);
        ExpectTerminated(router, Long);
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(ActorParallel.Event.DeadLetter));
        router.Tell("late", TestActor);
        Assert.Equal("late", deadLetters.ExpectMsg<ActorParallel.Event.DeadLetter>(Long).Message);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Removing_the_last_routee_of_a_group_stops_the_router()
    {
        Workers(1);
        var router = Sys.ActorOf(new RoundRobinGroup("/user/w1").Props());
        Watch(router);
        var routee = Assert.Single(RouteesOf(router));
        router.Tell(new RemoveRoutee(routee), TestActor);
        ExpectTerminated(router, Long);
    }
}
