using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Workloads;

/// <summary>
/// One suite run over every task-farm workload (STYLE habit 8): split, execute in a worker-like
/// interleaving, combine; TPL; all must equal the serial reference.
/// </summary>
public sealed class FarmWorkloadTests
{
    /// <summary>Small parameters per workload, so the suite stays fast on 2 shared cores.</summary>
    public static TheoryData<string, long> Small() => new()
    {
        { "pi", 200_000 },
        { "primes", 100_000 },
        { "matmul", 23 },
        { "wordcount", 3_000 },
        { "mandelbrot", 41 },
        { "io", 6 },
        { "synthetic", 3_000 },
    };

    [Theory]
    [MemberData(nameof(Small))]
    public async Task Split_execute_combine_equals_serial_for_several_task_counts_and_workers(string name, long size)
    {
        var workload = (ITaskFarmWorkload)WorkloadRegistry.Default.Get(name);
        var p = Small(name, size, 1);
        foreach (var tasks in new[] { 1, 3, 7 })
        {
            // The serial reference at the same task count: synthetic's checksum depends on how work is split.
            var expected = workload.RunSerial(p with { Tasks = tasks });
            foreach (var workers in new[] { 1, 2, 4 })
            {
                var q = p with { Tasks = tasks };
                var split = workload.Split(q);
                Assert.Equal(Enumerable.Range(0, tasks), split.Select(t => t.TaskId));
                var results = new List<TaskResult>();
                // Worker w takes tasks w, w + W, ... and the results arrive worker by worker: out of order.
                for (var w = workers - 1; w >= 0; w--)
                {
                    for (var i = w; i < split.Count; i += workers)
                        results.Add(w % 2 == 0 ? workload.Execute(split[i]) : await workload.ExecuteAsync(split[i]));
                }

                var answer = workload.Combine(q, [.. results.OrderBy(r => r.TaskId)]);
                var check = workload.Check(expected, answer);
                Assert.True(check.Passed, $"{name} tasks={tasks} W={workers}: {check.Detail}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Small))]
    public void Tpl_equals_serial(string name, long size)
    {
        var workload = WorkloadRegistry.Default.Get(name);
        var p = Small(name, size, 5);
        var expected = workload.RunSerial(p);
        foreach (var workers in new[] { 1, 3 })
        {
            var check = workload.Check(expected, workload.RunTpl(p, workers));
            Assert.True(check.Passed, $"{name} W={workers}: {check.Detail}");
        }
    }

    [Theory]
    [MemberData(nameof(Small))]
    public void Check_detects_a_different_answer(string name, long size)
    {
        var workload = WorkloadRegistry.Default.Get(name);
        var a = workload.RunSerial(Small(name, size, 1));
        var b = workload.RunSerial(Small(name, size, 1) with { Seed = 7, Size = size * 2 });
        Assert.False(workload.Check(a, b).Passed);
        Assert.NotEmpty(workload.Describe(a));
    }

    [Fact]
    public void Combine_rejects_results_out_of_task_order()
    {
        var workload = (ITaskFarmWorkload)WorkloadRegistry.Default.Get("pi");
        var p = new WorkloadParameters(10_000, 2);
        var results = workload.Split(p).Select(workload.Execute).Reverse().ToArray();
        var e = Assert.Throws<InvalidOperationException>(() => workload.Combine(p, results));
        Assert.Contains("sorted by task id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimated_message_sizes_grow_with_the_payload()
    {
        var workload = (ITaskFarmWorkload)WorkloadRegistry.Default.Get("matmul");
        var small = workload.Split(new WorkloadParameters(4, 1))[0];
        var large = workload.Split(new WorkloadParameters(16, 1))[0];
        Assert.True(workload.EstimateBytes(large.Payload) > workload.EstimateBytes(small.Payload));
        Assert.True(workload.EstimateBytes(workload.Execute(large).Output) >= 16 * 16 * 8);
    }

    private static WorkloadParameters Small(string name, long size, int tasks)
    {
        var p = new WorkloadParameters(size, tasks, Seed: 11);
        return name switch
        {
            "io" => p.With("latency-ms", "1"),
            "mandelbrot" => p.With("max-iter", "60"),
            "wordcount" => p.With("vocabulary", "50").With("reducers", "3"),
            "synthetic" => p.With("serial-fraction", "0.1").With("distribution", "exponential"),
            _ => p,
        };
    }
}
