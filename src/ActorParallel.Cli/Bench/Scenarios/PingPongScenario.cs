using Akka.Actor;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// Akka.NET ping-pong with 1, 2, 4 and 8 pairs of actors on the default dispatcher, each pair keeping a
/// window of messages in flight: a reference for what Akka.NET's messaging costs on this machine, the
/// foundation the lab's actors run on. Baseline: the same exchange between two tasks over a pair of
/// unbounded channels (<see cref="ChannelBaselines"/>), on the same thread pool. One message is one
/// delivery (a ping or a pong).
/// </summary>
public sealed class PingPongScenario : IBenchScenario
{
    public static IReadOnlyList<int> PairCounts { get; } = [1, 2, 4, 8];

    public string Id => "ping-pong";

    public IReadOnlyList<BenchFigure> Run(BenchSizes sizes, IProgress<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);
        var figures = new List<BenchFigure>();
        var system = BenchSystem.Create("bench-ping-pong");
        try
        {
            foreach (var pairs in PairCounts)
            {
                var messages = 2L * pairs * sizes.PingPongMessagesPerPair;
                var actors = Measure.Median(sizes.Warmups, sizes.Repeats,
                    () => Measure.Rate(messages, () => RunActors(system, pairs, sizes.PingPongMessagesPerPair, sizes.InFlight)));
                var channels = Measure.Median(sizes.Warmups, sizes.Repeats,
                    () => Measure.Rate(messages, () => RunChannels(pairs, sizes.PingPongMessagesPerPair, sizes.InFlight)));
                progress.Report($"  {pairs} pair(s): Akka.NET {Format.Si(actors)} msg/s, channels {Format.Si(channels)} msg/s");
                figures.Add(new BenchFigure(Id, $"Akka.NET ping-pong, {pairs} pair{(pairs == 1 ? "" : "s")}", "msg/s", actors, Better.Higher,
                    channels, "Channel<T> ping-pong", Detail: $"{sizes.PingPongMessagesPerPair} pings per pair, {sizes.InFlight} in flight"));
            }
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }

        return figures;
    }

    internal static void RunActors(ActorSystem system, int pairs, int total, int inFlight)
    {
        using var done = new CountdownEvent(pairs);
        var actors = new List<IActorRef>(2 * pairs);
        for (var i = 0; i < pairs; i++)
        {
            var pong = system.ActorOf(Props.Create(() => new Echo()));
            var ping = system.ActorOf(Props.Create(() => new Ping(pong, total, inFlight, done)));
            actors.Add(pong);
            actors.Add(ping);
        }

        for (var i = 1; i < actors.Count; i += 2)
        {
            actors[i].Tell(Start.Instance, ActorRefs.NoSender);
        }

        Measure.Await(done, "ping-pong on actors");
        foreach (var actor in actors)
        {
            system.Stop(actor);
        }
    }

    internal static void RunChannels(int pairs, int total, int inFlight) =>
        Measure.Await(ChannelBaselines.PingPong(pairs, total, inFlight), "ping-pong on channels");
}
