using System.Threading.Channels;
using ActorParallel.Actor;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// Bytes allocated per message. Steady state: a ping-pong pair with a bounded window in flight, so
/// queues never grow and every byte is the cost of sending and delivering (baseline: the same over
/// channels). Flood: one sender tells 1 M messages to an actor that discards them; the queue grows
/// while the sender outruns the actor, so this includes the queue's growth (baseline: <c>TryWrite</c>
/// into an unbounded <see cref="Channel{T}"/> drained by one task). Plus the flood's one-way rate.
/// </summary>
public sealed class TellAllocationScenario : IBenchScenario
{
    public string Id => "tell";

    public IReadOnlyList<BenchFigure> Run(BenchSizes sizes, IProgress<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);
        var tells = sizes.Tells;
        var system = BenchSystem.Create("bench-tell");
        try
        {
            var rate = Measure.Median(sizes.Warmups, sizes.Repeats, () => Measure.Rate(tells, () => Tells(system, tells)));
            var baselineRate = Measure.Median(sizes.Warmups, sizes.Repeats, () => Measure.Rate(tells, () => ChannelWrites(tells)));
            var bytes = Measure.AllocatedBytesPerOperation(tells, () => Tells(system, tells));
            var baselineBytes = Measure.AllocatedBytesPerOperation(tells, () => ChannelWrites(tells));
            var senderBytes = SenderThreadBytes(system, tells);
            var window = Math.Min(sizes.InFlight, 100);
            var steady = Measure.AllocatedBytesPerOperation(2L * tells, () => PingPongScenario.RunActors(system, 1, tells, window));
            var steadyBaseline = Measure.AllocatedBytesPerOperation(2L * tells, () => PingPongScenario.RunChannels(1, tells, window));
            progress.Report($"  steady {Format.Fixed(steady)} B/msg (channels {Format.Fixed(steadyBaseline)}); flood {Format.Fixed(bytes)} B/msg (sender thread {Format.Fixed(senderBytes)}), channel {Format.Fixed(baselineBytes)} B/msg; {Format.Si(rate)} msg/s");
            return
            [
                new BenchFigure(Id, "tell flood, one sender to one actor", "msg/s", rate, Better.Higher, baselineRate, "Channel<T> TryWrite"),
                new BenchFigure(Id, "allocations per message, steady state (ping-pong)", "B/msg", steady, Better.Lower, steadyBaseline, "Channel<T> ping-pong"),
                new BenchFigure(Id, "allocations per tell, 1 M flood, all threads", "B/msg", bytes, Better.Lower, baselineBytes, "Channel<T> TryWrite"),
                new BenchFigure(Id, "allocations per tell, 1 M flood, sender thread", "B/msg", senderBytes, Better.Lower),
            ];
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }
    }

    private static void Tells(ActorSystem system, int count)
    {
        using var done = new CountdownEvent(1);
        var sink = system.ActorOf(Props.Create(() => new Counter(count, done)));
        for (var i = 0; i < count; i++)
        {
            sink.Tell(Msg.Instance, ActorRefs.NoSender);
        }

        Measure.Await(done, "tells to one actor");
        system.Stop(sink);
    }

    /// <summary>Bytes allocated by the sending thread alone: what Tell itself costs the caller.</summary>
    private static double SenderThreadBytes(ActorSystem system, int count)
    {
        using var done = new CountdownEvent(1);
        var sink = system.ActorOf(Props.Create(() => new Counter(count, done)));
        sink.Tell(Msg.Instance, ActorRefs.NoSender);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < count; i++)
        {
            sink.Tell(Msg.Instance, ActorRefs.NoSender);
        }

        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)(count - 1);
        Measure.Await(done, "tells to one actor");
        system.Stop(sink);
        return bytes;
    }

    private static void ChannelWrites(int count) => Measure.Await(ChannelBaselines.Flood(count), "channel writes");
}
