using System.Threading.Channels;
using ActorParallel.Actor;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// Ping-pong with 1, 2, 4 and 8 pairs, each pair keeping a window of messages in flight. Baseline:
/// the same exchange between two tasks over a pair of unbounded <see cref="Channel{T}"/>s, on the
/// same thread pool. One message is one delivery (a ping or a pong).
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
                progress.Report($"  {pairs} pair(s): {Format.Si(actors)} msg/s, channels {Format.Si(channels)} msg/s");
                figures.Add(new BenchFigure(Id, $"ping-pong, {pairs} pair{(pairs == 1 ? "" : "s")}", "msg/s", actors, Better.Higher,
                    channels, "Channel<T> ping-pong", AkkaReference.PingPong(pairs), AkkaReference.PingPongGoal(pairs)));
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

    internal static void RunChannels(int pairs, int total, int inFlight)
    {
        var tasks = new Task[2 * pairs];
        for (var i = 0; i < pairs; i++)
        {
            var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = true };
            var toPong = Channel.CreateUnbounded<object>(options);
            var toPing = Channel.CreateUnbounded<object>(options);
            tasks[2 * i] = Task.Run(() => PongLoop(toPong.Reader, toPing.Writer));
            tasks[(2 * i) + 1] = Task.Run(() => PingLoop(toPing.Reader, toPong.Writer, total, inFlight));
        }

        Measure.Await(Task.WhenAll(tasks), "ping-pong on channels");
    }

    private static async Task PingLoop(ChannelReader<object> inbox, ChannelWriter<object> pong, int total, int inFlight)
    {
        var sent = 0;
        var received = 0;
        for (; sent < Math.Min(inFlight, total); sent++)
        {
            pong.TryWrite(Msg.Instance);
        }

        while (received < total && await inbox.WaitToReadAsync().ConfigureAwait(false))
        {
            while (inbox.TryRead(out _))
            {
                received++;
                if (sent < total)
                {
                    sent++;
                    pong.TryWrite(Msg.Instance);
                }
            }
        }

        pong.Complete();
    }

    private static async Task PongLoop(ChannelReader<object> inbox, ChannelWriter<object> ping)
    {
        while (await inbox.WaitToReadAsync().ConfigureAwait(false))
        {
            while (inbox.TryRead(out var message))
            {
                ping.TryWrite(message);
            }
        }
    }
}
