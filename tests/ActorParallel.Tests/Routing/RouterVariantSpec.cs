using ActorParallel.Actor;
using ActorParallel.Routing;
using Xunit.Abstractions;

namespace ActorParallel.Tests.Routing;

/// <summary>The core router behaviour, run once per dispatcher kind (every actor of the system on it).</summary>
public abstract class RouterVariantSpec(string dispatcher, ITestOutputHelper output) : RoutingTestKit(dispatcher, output)
{
    [Fact]
    public void Round_robin_pool_routes_in_turn_and_preserves_the_sender()
    {
        var router = Sys.ActorOf(new RoundRobinPool(3).Props(Props.Create(() => new RouteeActor(TestActor))));
        var answers = Identities(router, 6);
        Assert.Equal(3, answers.Take(3).Distinct().Count());
        Assert.Equal(answers.Take(3), answers.Skip(3));
    }

    [Fact]
    public void Broadcast_reaches_every_routee_of_a_group()
    {
        var workers = Enumerable.Range(1, 3).Select(i => Sys.ActorOf(Props.Create(() => new RouteeActor(TestActor)), $"v{i}")).ToHashSet();
        var router = Sys.ActorOf(new RoundRobinGroup("/user/v1", "/user/v2", "/user/v3").Props());
        router.Tell(new Broadcast("id?"), TestActor);
        Assert.Equal(workers, Enumerable.Range(0, 3).Select(_ => ExpectMsg<IActorRef>(Long)).ToHashSet());
    }

    [Fact]
    public void Consistent_hashing_pool_keeps_keys_on_their_routee()
    {
        var router = Sys.ActorOf(new ConsistentHashingPool(3).Props(Props.Create(() => new RouteeActor(TestActor))));
        var owners = new Dictionary<string, string>();
        for (var i = 0; i < 30; i++)
        {
            router.Tell(new Keyed($"k{i % 5}", i), TestActor);
            var (routee, message) = ExpectMsg<(string, object)>(Long);
            var key = ((Keyed)message).Key;
            Assert.Equal(owners.TryAdd(key, routee) ? routee : owners[key], routee);
        }
    }

    [Fact]
    public void PoisonPill_stops_router_and_routees_and_management_messages_work()
    {
        var router = Sys.ActorOf(new RandomPool(2).Props(Props.Create<SilentActor>()));
        router.Tell(new AdjustPoolSize(1), TestActor);
        var routees = RouteeActors(router);
        Assert.Equal(3, routees.Count);
        Watch(router);
        router.Tell(PoisonPill.Instance, TestActor);
        ExpectTerminated(router, Long);
        Assert.All(routees, r => Assert.True(((IInternalActorRef)r).IsTerminated));
    }
}

public sealed class RouterVariantSpec_ThreadPool(ITestOutputHelper output) : RouterVariantSpec(DispatcherVariant.ThreadPool, output);

public sealed class RouterVariantSpec_ForkJoin(ITestOutputHelper output) : RouterVariantSpec(DispatcherVariant.ForkJoin, output);

public sealed class RouterVariantSpec_Pinned(ITestOutputHelper output) : RouterVariantSpec(DispatcherVariant.Pinned, output);

public sealed class RouterVariantSpec_CallingThread(ITestOutputHelper output) : RouterVariantSpec(DispatcherVariant.CallingThread, output);
