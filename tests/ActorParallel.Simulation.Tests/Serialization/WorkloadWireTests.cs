using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Serialization;
using ActorParallel.Simulation.Tests.Workloads;
using ActorParallel.Simulation.Workloads;
using Akka.Configuration;

namespace ActorParallel.Simulation.Tests.Serialization;

/// <summary>
/// Every task-farm workload's real tasks, outputs and answer, at a small size, through Akka's serialization with
/// the lab's configuration: a batch of its tasks, a batch of their results, the answer; the results that come back
/// still combine to the serial answer.
/// </summary>
public sealed class WorkloadWireTests : Akka.TestKit.Xunit2.TestKit
{
    public WorkloadWireTests()
        : base(LabSerialization.AkkaConfig().WithFallback(ConfigurationFactory.ParseString("akka.loglevel = WARNING")), "wire-workloads")
    {
    }

    public static TheoryData<string, long> Small() => FarmWorkloadTests.Small();

    [Fact]
    public void Every_task_farm_workload_registers_its_wire_types()
    {
        var farms = WorkloadRegistry.Default.All.Where(w => w.Topology == WorkloadTopology.TaskFarm).ToList();
        Assert.NotEmpty(farms);
        Assert.All(farms, w => Assert.True(w is IWireTypes, $"{w.Name} does not implement IWireTypes, so its tasks cannot leave the node"));
    }

    [Theory]
    [MemberData(nameof(Small))]
    public void Split_tasks_outputs_and_answer_round_trip_and_still_combine_to_the_serial_answer(string name, long size)
    {
        var workload = (ITaskFarmWorkload)WorkloadRegistry.Default.Get(name);
        var p = Parameters(name, size);
        var tasks = workload.Split(p).ToArray();
        var batch = new TaskBatch(3, 1, tasks, [.. tasks.Select((_, i) => i % 2)]);
        var batchBack = RoundTrip(batch);

        // The worker runs what arrived; the supervisor combines what comes back.
        var results = batchBack.Tasks.Select(workload.Execute).ToArray();
        var done = new BatchDone(1, 3, results, [.. results.Select(r => TimeSpan.FromTicks(r.TaskId * 1000L))]);
        var doneBack = RoundTrip(done);
        Deep.AssertEqual(results, doneBack.Results);

        var expected = workload.RunSerial(p);
        var answer = workload.Combine(p, doneBack.Results);
        var check = workload.Check(expected, answer);
        Assert.True(check.Passed, check.Detail);
        RoundTrip(new TaskResult(0, answer));
        if (answer.GetType().Namespace!.StartsWith("ActorParallel", StringComparison.Ordinal))
            RoundTrip(answer);

        if (workload is IShuffleWorkload shuffle)
        {
            var parts = shuffle.Partition(results[0].Output, 4);
            for (var i = 0; i < parts.Count; i++)
                RoundTrip(new ShufflePart(0, i, parts[i]));
            RoundTrip(new Reduced(0, shuffle.Reduce(parts), parts.Count, 1234));
        }
    }

    private T RoundTrip<T>(T message)
        where T : notnull
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        Assert.IsType<LabSerializer>(serializer);
        var bytes = serializer.ToBinary(message);
        var back = Sys.Serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message));
        Deep.AssertEqual(message, back);
        return (T)back;
    }

    /// <summary>Five tasks, with options that keep the runs quick (io waits for real).</summary>
    private static WorkloadParameters Parameters(string name, long size)
    {
        var p = new WorkloadParameters(size, 5, Seed: 7);
        return name switch
        {
            "io" => p.With("latency-ms", "0"),
            "mandelbrot" => p.With("max-iter", "50"),
            "wordcount" => p.With("vocabulary", "40").With("reducers", "3"),
            "synthetic" => p.With("distribution", "exponential"),
            _ => p,
        };
    }
}
