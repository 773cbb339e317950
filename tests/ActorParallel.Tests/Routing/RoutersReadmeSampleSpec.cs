using ActorParallel.Actor;
using ActorParallel.Configuration;
using ActorParallel.Routing;

namespace ActorParallel.Tests.Routing.Readme;

// The README's "### Routers" sample, kept compiling and running here.
public sealed record Square(int Value);

public sealed class Worker : ReceiveActor
{
    public Worker() => Receive<Square>(m => Sender.Tell(m.Value * m.Value));
}

public sealed class WordCounter : ReceiveActor
{
    private readonly Dictionary<string, int> _counts = [];

    public WordCounter()
    {
        Receive<string>(word => Sender.Tell((word, _counts[word] = _counts.GetValueOrDefault(word) + 1)));
    }
}

public sealed class RoutersReadmeSampleSpec
{
    [Fact]
    public async Task Readme_routers_sample_runs()
    {
        var config = ConfigurationFactory.ParseString("""
            actorparallel.actor.deployment {
              /workers { router = round-robin-pool, nr-of-instances = 4 }
              /shuffle { router = consistent-hashing-pool, nr-of-instances = 8, virtual-nodes-factor = 10 }
            }
            """);
        using var system = ActorSystem.Create("lab", config);

        var workers = system.ActorOf(Props.Create<Worker>().WithRouter(FromConfig.Instance), "workers");
        var elastic = system.ActorOf(new SmallestMailboxPool(2).WithResizer(new DefaultResizer(2, 16)).Props(Props.Create<Worker>()), "elastic");
        var shuffle = system.ActorOf(Props.Create<WordCounter>().WithRouter(FromConfig.Instance), "shuffle");

        Assert.Equal(49, await workers.Ask<int>(new Square(7), TimeSpan.FromSeconds(5)));
        Assert.Equal(64, await elastic.Ask<int>(new Square(8), TimeSpan.FromSeconds(5)));
        await shuffle.Ask<(string, int)>(new ConsistentHashableEnvelope("the", "the"), TimeSpan.FromSeconds(5));
        Assert.Equal(("the", 2), await shuffle.Ask<(string, int)>(new ConsistentHashableEnvelope("the", "the"), TimeSpan.FromSeconds(5)));

        var routees = await workers.Ask<Routees>(GetRoutees.Instance, TimeSpan.FromSeconds(5));
        Assert.Equal(4, routees.Members.Count());
        workers.Tell(new AdjustPoolSize(2), ActorRefs.NoSender);
        Assert.Equal(6, (await workers.Ask<Routees>(GetRoutees.Instance, TimeSpan.FromSeconds(5))).Members.Count());
    }
}
