using ActorParallel.Actor;
using ActorParallel.Routing;
using Xunit.Abstractions;

namespace ActorParallel.Tests.Routing;

/// <summary>Base of the routing specs: each test owns (and disposes) its system; helpers for routers.</summary>
public abstract class RoutingTestKit(string config, ITestOutputHelper output) : TestKit.Xunit2.TestKit(config, output)
{
    protected static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    /// <summary>The router's current routees.</summary>
    protected IReadOnlyList<Routee> RouteesOf(IActorRef router)
    {
        var probe = CreateTestProbe();
        router.Tell(GetRoutees.Instance, probe.Ref);
        return [.. probe.ExpectMsg<Routees>(Long).Members];
    }

    /// <summary>The actors behind a pool's routees.</summary>
    protected IReadOnlyList<IActorRef> RouteeActors(IActorRef router) =>
        [.. RouteesOf(router).Cast<ActorRefRoutee>().Select(r => r.Actor)];

    /// <summary>Sends "id?" through the router <paramref name="count"/> times and returns who answered, in order.</summary>
    protected IReadOnlyList<IActorRef> Identities(IActorRef router, int count)
    {
        var probe = CreateTestProbe();
        var answers = new List<IActorRef>();
        for (var i = 0; i < count; i++)
        {
            router.Tell("id?", probe.Ref);
            answers.Add(probe.ExpectMsg<IActorRef>(Long));
        }

        return answers;
    }
}
