using System.Threading.Channels;
using ActorParallel.Actor;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// Ask round trip: one caller asks an echo actor, awaits the reply, and asks again. Baseline: the
/// same round trip by hand, a request carrying a <see cref="TaskCompletionSource{T}"/> through a
/// <see cref="Channel{T}"/> to a responder task that completes it (continuations asynchronous, as Ask's are).
/// </summary>
public sealed class AskScenario : IBenchScenario
{
    public string Id => "ask";

    public IReadOnlyList<BenchFigure> Run(BenchSizes sizes, IProgress<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);
        var asks = sizes.Asks;
        var system = BenchSystem.Create("bench-ask");
        try
        {
            var echo = system.ActorOf(Props.Create(() => new Echo()), "echo");
            var timeout = TimeSpan.FromSeconds(30);

            // Both variants warm before either is measured, so neither pays the other's JIT tiering.
            Asks(echo, asks, timeout: null);
            Asks(echo, asks, timeout);
            var actors = Measure.Median(sizes.Warmups, sizes.Repeats, () => Measure.Rate(asks, () => Asks(echo, asks, timeout: null)));
            var withTimeout = Measure.Median(sizes.Warmups, sizes.Repeats, () => Measure.Rate(asks, () => Asks(echo, asks, timeout)));
            var baseline = Measure.Median(sizes.Warmups, sizes.Repeats, () => Measure.Rate(asks, () => ChannelRoundTrips(asks)));
            var askBytes = Measure.AllocatedBytesPerOperation(asks, () => Asks(echo, asks, timeout: null));
            var askTimeoutBytes = Measure.AllocatedBytesPerOperation(asks, () => Asks(echo, asks, timeout));
            var baselineBytes = Measure.AllocatedBytesPerOperation(asks, () => ChannelRoundTrips(asks));
            progress.Report($"  {Format.Si(actors)} asks/s ({Format.Si(withTimeout)} with a timeout), channel round trips {Format.Si(baseline)}/s");
            return
            [
                new BenchFigure(Id, "ask round trip", "asks/s", actors, Better.Higher, baseline, "TCS through Channel<T>"),
                new BenchFigure(Id, "ask round trip latency", "us", 1e6 / actors, Better.Lower, 1e6 / baseline, "TCS through Channel<T>"),
                new BenchFigure(Id, "ask round trip with timeout", "asks/s", withTimeout, Better.Higher, baseline, "TCS through Channel<T>"),
                new BenchFigure(Id, "ask allocations", "B/ask", askBytes, Better.Lower, baselineBytes, "TCS through Channel<T>"),
                new BenchFigure(Id, "ask allocations with timeout", "B/ask", askTimeoutBytes, Better.Lower, baselineBytes, "TCS through Channel<T>"),
            ];
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }
    }

    private static void Asks(IActorRef echo, int count, TimeSpan? timeout) =>
        Measure.Await(Task.Run(() => AskLoop(echo, count, timeout)), "ask round trips");

    private static async Task AskLoop(IActorRef echo, int count, TimeSpan? timeout)
    {
        for (var i = 0; i < count; i++)
        {
            await echo.Ask<Msg>(Msg.Instance, timeout).ConfigureAwait(false);
        }
    }

    private static void ChannelRoundTrips(int count)
    {
        var requests = Channel.CreateUnbounded<TaskCompletionSource<object>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var responder = Task.Run(async () =>
        {
            await foreach (var request in requests.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                request.TrySetResult(Msg.Instance);
            }
        });
        Measure.Await(Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                var reply = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
                requests.Writer.TryWrite(reply);
                await reply.Task.ConfigureAwait(false);
            }

            requests.Writer.Complete();
        }), "channel round trips");
        Measure.Await(responder, "channel responder");
    }
}
