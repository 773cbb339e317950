using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Serialization;
using ActorParallel.Simulation.Workloads;
using ActorParallel.Simulation.Workloads.Pi;
using Akka.Actor;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// What a remote send of the lab's task messages costs in serialization: a <see cref="TaskBatch"/> of small pi tasks
/// serialized and deserialized through Akka's serialization API (the path remoting takes), with the lab's serializer
/// (a system configured with hocon/reference/serialization.conf) against Akka's default JSON serializer (a system
/// with default settings), in the same run; plus the bytes of the message each way. No network: the goal
/// ("at least 2.5x Akka's default JSON serializer") is about the serializer's share of remote throughput.
/// </summary>
public sealed class SerializerScenario : IBenchScenario
{
    /// <summary>Tasks in the batch: 64 pi tasks of 4 blocks each, as the ledger batches small tasks.</summary>
    public const int Tasks = 64;

    public static BenchGoal Goal { get; } = BenchGoal.RatioAtLeast(2.5, "at least 2.5x Akka's default JSON serializer");

    public string Id => "serializer";

    public IReadOnlyList<BenchFigure> Run(BenchSizes sizes, IProgress<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);
        var tasks = ((ITaskFarmWorkload)new PiWorkload()).Split(new WorkloadParameters(Tasks * 4L * 4096, Tasks));
        var batch = new TaskBatch(17, 1, [.. tasks], new int[tasks.Count]);
        var (ourOps, jsonOps) = RoundTrips(sizes.Scale);

        var lab = BenchSystem.Create("bench-serializer-lab", LabSerialization.Reference().ToString(includeFallback: true));
        var plain = BenchSystem.Create("bench-serializer-json");
        try
        {
            var ours = RoundTrip(lab, batch, out var ourBytes);
            var json = RoundTrip(plain, batch, out var jsonBytes);
            if (ours.Identifier != LabSerializer.Id || json is not Akka.Serialization.NewtonSoftJsonSerializer)
                throw new InvalidOperationException($"bench: expected the lab serializer and Akka's JSON serializer, got {ours.GetType().Name} and {json.GetType().Name}");

            var ourRate = Measure.Median(sizes.Warmups + 1, sizes.Repeats, () => Measure.Rate(ourOps, () => Loop(lab, ours, batch, ourOps)));
            var jsonRate = Measure.Median(sizes.Warmups + 1, sizes.Repeats, () => Measure.Rate(jsonOps, () => Loop(plain, json, batch, jsonOps)));
            progress.Report($"  lab {Format.Si(ourRate)} msg/s ({ourBytes} B), JSON {Format.Si(jsonRate)} msg/s ({jsonBytes} B)");
            var what = $"TaskBatch of {Tasks} pi tasks";
            return
            [
                new BenchFigure(Id, $"serialize + deserialize, {what}", "msg/s", ourRate, Better.Higher, jsonRate, "Akka's default JSON serializer",
                    Goal, $"lab serializer (id {LabSerializer.Id}) vs Newtonsoft.Json through Akka's Serialization API; {ourOps} and {jsonOps} round trips per run"),
                new BenchFigure(Id, $"bytes per message, {what}", "B/msg", ourBytes, Better.Lower, jsonBytes, "Akka's default JSON serializer",
                    Detail: $"{(double)ourBytes / Tasks:F1} and {(double)jsonBytes / Tasks:F1} bytes per task"),
            ];
        }
        finally
        {
            BenchSystem.Shutdown(lab);
            BenchSystem.Shutdown(plain);
        }
    }

    /// <summary>
    /// Round trips per recorded run, ours and JSON's: a few tenths of a second each at full size on 2 idle cores
    /// (JSON takes about 1 ms a round trip, ours a few microseconds).
    /// </summary>
    private static (int Ours, int Json) RoundTrips(BenchScale scale) => scale switch
    {
        BenchScale.Full => (40_000, 300),
        BenchScale.Quick => (10_000, 100),
        _ => (50, 3),
    };

    /// <summary>One checked round trip: the serializer Akka picks for the batch, and the batch's size with it.</summary>
    private static Akka.Serialization.Serializer RoundTrip(ActorSystem system, TaskBatch batch, out int bytes)
    {
        var serializer = system.Serialization.FindSerializerFor(batch);
        var binary = serializer.ToBinary(batch);
        bytes = binary.Length;
        var back = system.Serialization.Deserialize(binary, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, batch));
        if (back is not TaskBatch b || b.BatchId != batch.BatchId || b.WorkerId != batch.WorkerId || !b.Attempts.SequenceEqual(batch.Attempts)
            || !b.Tasks.Select(t => (t.TaskId, t.Payload)).SequenceEqual(batch.Tasks.Select(t => (t.TaskId, t.Payload))))
            throw new InvalidOperationException($"bench: {serializer.GetType().Name} did not give the batch back");
        return serializer;
    }

    private static void Loop(ActorSystem system, Akka.Serialization.Serializer serializer, TaskBatch batch, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, batch);
            system.Serialization.Deserialize(serializer.ToBinary(batch), serializer.Identifier, manifest);
        }
    }
}
