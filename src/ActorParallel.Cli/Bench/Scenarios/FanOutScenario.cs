using System.Threading.Channels;
using ActorParallel.Actor;
using ActorParallel.Routing;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// Fan-out: one producer thread sends to a round-robin pool of 1, 2 and 4 workers that count what
/// they receive. Baseline: the same producer writing round-robin into one unbounded
/// <see cref="Channel{T}"/> per consumer task. The rate counts messages until the last is received.
/// </summary>
public sealed class FanOutScenario : IBenchScenario
{
    public static IReadOnlyList<int> PoolSizes { get; } = [1, 2, 4];

    public string Id => "fan-out";

    public IReadOnlyList<BenchFigure> Run(BenchSizes sizes, IProgress<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);

        // A multiple of every pool size, so round-robin gives each worker exactly total / size.
        var total = Math.Max(4, sizes.FanOutMessages / 4 * 4);
        var figures = new List<BenchFigure>();
        var system = BenchSystem.Create("bench-fan-out");
        try
        {
            foreach (var size in PoolSizes)
            {
                var actors = Measure.Median(sizes.Warmups, sizes.Repeats, () => Measure.Rate(total, () => RunActors(system, size, total)));
                var channels = Measure.Median(sizes.Warmups, sizes.Repeats, () => Measure.Rate(total, () => RunChannels(size, total)));
                var workItems = WorkItemsPerMessage(total, () => RunActors(system, size, total));
                progress.Report($"  pool of {size}: {Format.Si(actors)} msg/s, channels {Format.Si(channels)} msg/s; {Format.Fixed(workItems * 1000)} thread-pool work items per 1000 messages");
                figures.Add(new BenchFigure(Id, $"fan-out, round-robin pool of {size}", "msg/s", actors, Better.Higher,
                    channels, "Channel<T> fan-out", AkkaReference.FanOutLow, AkkaReference.FanOutGoal));
            }
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }

        return figures;
    }

    /// <summary>
    /// Thread-pool work items run per message: how often a routee's mailbox was scheduled (a drained mailbox
    /// goes idle and is scheduled again; a full run of <c>throughput</c> messages may yield). Load-independent
    /// enough to compare builds where the rate is too noisy to.
    /// </summary>
    private static double WorkItemsPerMessage(int total, Action run)
    {
        var before = ThreadPool.CompletedWorkItemCount;
        run();
        return (ThreadPool.CompletedWorkItemCount - before) / (double)total;
    }

    /// <summary>A RoundRobinPool router (it routes on the sender's thread): each routee gets exactly total / size.</summary>
    private static void RunActors(ActorSystem system, int size, int total)
    {
        using var done = new CountdownEvent(size);
        var pool = system.ActorOf(new RoundRobinPool(size).Props(Props.Create(() => new Counter(total / size, done))));
        for (var i = 0; i < total; i++)
        {
            pool.Tell(Msg.Instance, ActorRefs.NoSender);
        }

        Measure.Await(done, "fan-out on actors");
        system.Stop(pool);
    }

    private static void RunChannels(int size, int total) => Measure.Await(ChannelBaselines.FanOut(size, total), "fan-out on channels");
}
