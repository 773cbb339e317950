using System.Collections.Immutable;
using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;
using ActorParallel.Simulation.Workloads.Heat;
using ActorParallel.Simulation.Workloads.Io;
using ActorParallel.Simulation.Workloads.Mandelbrot;
using ActorParallel.Simulation.Workloads.MatMul;
using ActorParallel.Simulation.Workloads.Pi;
using ActorParallel.Simulation.Workloads.Primes;
using ActorParallel.Simulation.Workloads.Synthetic;
using ActorParallel.Simulation.Workloads.WordCount;

namespace ActorParallel.Simulation.Tests.Serialization;

/// <summary>Values of every registered wire type, with the awkward ones (extremes, empties, unicode, NaN) among them.</summary>
internal static class WireSamples
{
    private static readonly PiTask Pi = new(42, 0, 3, 10_000);

    private static readonly WordCounts Counts = new([new("alpha", 3), new("beta", 1), new("日本", 1L << 40), new("", 0)]);

    private static readonly Matrix Small = new(2, 3, [1.5, -0.0, double.NaN, double.PositiveInfinity, double.Epsilon, -1e308]);

    public static IReadOnlyList<object> All { get; } =
    [
        // Primitives (inside object fields only).
        0, -1, int.MinValue, int.MaxValue, 0L, long.MinValue, long.MaxValue, 0UL, ulong.MaxValue, 0.1, double.NaN, -0.0,
        true, false, "", "héllo 日本 😀", UInt128.MaxValue, (UInt128)12345,

        // The task farm.
        new WorkTask(7, Pi),
        new WorkTask(-3, "a string payload"),
        new TaskResult(3, 12_345L),
        new TaskResult(int.MaxValue, Counts),
        new TaskBatch(0, 0, [], []),
        new TaskBatch(12, 1, [new(0, Pi), new(1, Pi with { FirstBlock = 3, EndBlock = 6 }), new(2, new PrimesTask(0, 100)), new(3, Pi)], [0, 1, 2, int.MaxValue]),
        new BatchDone(1, 12, [new(0, 7L), new(1, 9UL), new(2, Small), new(3, 7L)], [TimeSpan.FromTicks(123), TimeSpan.MaxValue, TimeSpan.Zero, TimeSpan.MinValue]),
        new BatchDone(0, 0, [], []),
        new BatchFailed(1, 12, 2, [new(0, 7L)], [TimeSpan.FromMilliseconds(1.5)], "boom: Ünïcode ✓"),

        // The cluster glue (actor refs: Nobody resolves to itself on any system).
        new ProvideWorkers("1-abc", "pi", "1.0.0 [pi]", null),
        new ProvideWorkers("2-def", "primes", "v", new FaultInjection(3, 2), 1),
        new WorkersProvided("1-abc", "akka.tcp://actorparallel@127.0.0.1:4053", [Akka.Actor.ActorRefs.Nobody, Akka.Actor.ActorRefs.Nobody]),
        new WorkersRefused("1-abc", "node", "node runs another build"),
        new ReleaseWorkers("1-abc"),
        GetNodeStatus.Instance,
        new NodeStatus("node", "v", 2, ["1-abc", "2-def"]),
        GetNodeVitals.Instance,
        new NodeVitals("node", 12_345_678, long.MaxValue, 3, 0, 1, 2),
        new ShuffleWiring(Akka.Actor.ActorRefs.Nobody, 48),
        new ProvideReducers("1-abc", [0, 2, 4]),
        new ReducersProvided("1-abc", "node", [1, 3], [Akka.Actor.ActorRefs.Nobody, Akka.Actor.ActorRefs.Nobody]),
        new ProvidePeers("1-abc", "heat", "v", new WorkloadParameters(800, 4, -7).With("steps", "150").With("alpha", "0.2"), 2, 2, 3, new FaultInjection(5)),
        new ProvidePeers("2-def", "heat", "v", new WorkloadParameters(long.MaxValue, 1), 0, 1, 0, null),
        new PeersProvided("1-abc", "node", 2, [Akka.Actor.ActorRefs.Nobody]),
        new WirePeers("1-abc", [Akka.Actor.ActorRefs.Nobody, Akka.Actor.ActorRefs.Nobody, Akka.Actor.ActorRefs.Nobody]),
        new PeerResultChunk(3, 0, [0, 1, 255, 128]),
        new PeerResultChunk(0, 7, []),
        new PeerDone(3, 731, "heat.strip", 21, 300, 1_920_000, TimeSpan.FromMilliseconds(123.4)),
        new PeerFaulted(2, 50, "injected fault: peer 2 at step 50", Fatal: false),

        // The shuffle.
        new ShufflePart(5, 2, Counts),
        new ReduceNow(32, 15),
        new Reduced(3, Counts, 32, 123_456_789_012L),
        new ReduceFailed(7, "reducer threw"),
        Shuffled.Instance,

        // Metrics.
        new MetricsBatch(TimeSpan.FromSeconds(3),
            [new(0, 1, 100, 250, 1000), new(1, 0, long.MaxValue, long.MinValue, long.MaxValue), new(2, 1, 5, 4, 3)], 40, 2, 44, 5120),
        new MetricsBatch(TimeSpan.Zero, [], 0, 0, 0, 0),
        new JobStarted(TimeSpan.FromTicks(1), "pi", 4, 32),
        new JobFinished(TimeSpan.FromSeconds(9), true),
        new TaskDispatched(TimeSpan.FromTicks(77), 3, 1),
        new TaskStarted(TimeSpan.FromTicks(78), 3, 1),
        new TaskCompleted(TimeSpan.FromTicks(99), 3, 1, TimeSpan.FromTicks(21)),
        new TaskFailed(TimeSpan.FromTicks(100), 4, 0, "injected fault"),
        new MessageSent(TimeSpan.FromTicks(5), 1024, 3),

        // Workloads.
        Pi,
        new PiAnswer(31_415_926, 40_000_000),
        new PrimesTask(long.MaxValue - 1, long.MaxValue),
        new MatMulTask(4, Small.Cells.AsMemory(), Small),
        Small,
        new MatrixProduct(3, [new Matrix(1, 3, [1, 2, 3]), new Matrix(0, 3, []), new Matrix(2, 3, [4, 5, 6, 7, 8, double.NaN])]),
        new WordCountTask(["the quick brown fox", "", "jumps, over"]),
        Counts,
        new MandelbrotTask(700, 700, 10, 24, 1000),
        ImmutableArray.Create(0, 1, 1000, -5, int.MaxValue, int.MinValue),
        new MandelbrotImage(2, 2, 1000, [0, 17, 1000, 999]),
        new IoTask(-9, 0, 48, 20),
        new SyntheticTask(42, 63, 15_625),
        new SyntheticAnswer(ulong.MaxValue, 950_000, 50_000),
        new HaloRow(1, 2, 149, HaloSide.Below, [0.0, 100.0, double.NaN, -0.0]),
        new HaloRow(0, 0, 0, HaloSide.Above, []),
        new HeatStripResult(1, 201, 2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
        new Simulation.Workloads.Heat.HeatGrid(2, 7, [new ReadOnlyMemory<double>([1.5, 2]), new ReadOnlyMemory<double>([double.NaN, -0.0])]),
    ];

    /// <summary>A sample with its actor refs (Nobody, which no system resolves back) replaced by a real one.</summary>
    public static object WithRefs(object sample, Akka.Actor.IActorRef actor) => sample switch
    {
        WorkersProvided p => p with { Workers = [.. p.Workers.Select(_ => actor)] },
        ShuffleWiring w => w with { Reducers = [.. w.Reducers.Select(_ => actor)] },
        ReducersProvided p => p with { Reducers = [.. p.Reducers.Select(_ => actor)] },
        PeersProvided p => p with { Peers = [.. p.Peers.Select(_ => actor)] },
        WirePeers p => p with { Peers = [.. p.Peers.Select(_ => actor)] },
        _ => sample,
    };
}
