using Akka.Actor;
using Akka.Routing;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Workloads;
using ActorParallel.Simulation.Workloads.WordCount;

namespace ActorParallel.Simulation.Tests.Engine;

/// <summary>The wordcount shuffle seen through probes: workers send through a consistent-hashing router, reducers complete partitions.</summary>
public sealed class ShuffleTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly IShuffleWorkload _wordcount = (IShuffleWorkload)WorkloadRegistry.Default.Get("wordcount");

    public ShuffleTests()
        : base(ActorEngine.SystemConfig(2))
    {
    }

    [Fact]
    public void Map_output_goes_through_the_router_so_every_count_of_a_word_lands_at_one_reducer()
    {
        const int partitions = 12;
        var reducers = Enumerable.Range(0, 3).Select(i => CreateTestProbe($"reducer-{i}")).ToArray();
        var router = Sys.ActorOf(new ConsistentHashingGroup(reducers.Select(r => r.Ref.Path.ToStringWithoutAddress())).Props(), "shuffle");
        var worker = Sys.ActorOf(Props.Create(() => new WorkerActor(_wordcount, null)));
        worker.Tell(new ShuffleWiring(router, partitions), TestActor);
        var tasks = _wordcount.Split(EngineTests.Small("wordcount"));

        var batches = tasks.Select((task, i) => new TaskBatch(i, 0, [task], [0])).ToList();
        foreach (var batch in batches)
            worker.Tell(batch, TestActor);
        foreach (var _ in batches)
            Assert.Same(Shuffled.Instance, Assert.Single(ExpectMsg<BatchDone>(Patience).Results).Output);

        // Only the router could have chosen the probes: the worker knows nothing but the router.
        var received = reducers.ToDictionary(r => r, _ => new List<ShufflePart>());
        AwaitAssert(
            () =>
            {
                foreach (var (reducer, parts) in received)
                {
                    while (reducer.HasMessages)
                        parts.Add(reducer.ExpectMsg<ShufflePart>(Patience));
                }

                Assert.Equal(tasks.Count * partitions, received.Values.Sum(p => p.Count));
            },
            Patience);

        var owners = received
            .SelectMany(r => r.Value.SelectMany(p => ((WordCounts)p.Part).Counts).Select(c => (c.Word, Reducer: r.Key)))
            .GroupBy(x => x.Word, x => x.Reducer);
        Assert.All(owners, o => Assert.Single(o.Distinct()));
        Assert.All(received.Values.SelectMany(p => p).GroupBy(p => p.Partition), g => Assert.Equal(tasks.Count, g.Count()));
        Assert.True(received.Values.Count(p => p.Count > 0) > 1, "12 partitions over 3 reducers should not all land on one");
        var all = received.Values.SelectMany(p => p).Select(p => (WordCounts)p.Part);
        Assert.Equal(_wordcount.RunSerial(EngineTests.Small("wordcount")), WordCounts.Reduce(all));
    }

    [Fact]
    public void A_reducer_reduces_a_partition_once_every_task_has_sent_its_part_counting_a_retried_task_once()
    {
        var reducer = Sys.ActorOf(Props.Create(() => new ReducerActor(_wordcount)));
        var first = WordCounts.Count(["a b"]);
        var second = WordCounts.Count(["b c"]);

        reducer.Tell(new ShufflePart(0, 5, first));
        reducer.Tell(new ShufflePart(0, 5, first)); // the same task's part again, as a retried task sends it
        reducer.Tell(new ReduceNow(2, 5), TestActor);
        reducer.Tell(new ReduceNow(2, 6), TestActor);
        reducer.Tell(new ShufflePart(0, 6, WordCounts.Empty));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        reducer.Tell(new ShufflePart(1, 5, second));
        var reduced = ExpectMsg<Reduced>(Patience);
        Assert.Equal(5, reduced.Partition);
        Assert.Equal(2, reduced.Parts);
        Assert.Equal(WordCounts.Count(["a b", "b c"]), reduced.Output);

        reducer.Tell(new ShufflePart(1, 6, WordCounts.Empty));
        Assert.Equal(6, ExpectMsg<Reduced>(Patience).Partition);
    }

    [Fact]
    public void Parts_and_the_reduce_order_of_a_partition_carry_the_partition_as_their_hash_key()
    {
        Assert.Equal(7, ((IConsistentHashable)new ShufflePart(3, 7, WordCounts.Empty)).ConsistentHashKey);
        Assert.Equal(7, ((IConsistentHashable)new ReduceNow(3, 7)).ConsistentHashKey);
    }
}
