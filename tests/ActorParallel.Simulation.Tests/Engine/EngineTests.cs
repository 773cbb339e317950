using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Engine;

/// <summary>
/// One suite for every engine (STYLE habit 8): each workload gives the serial answer for W in 1..4 in
/// both modes, also when workers throw on some tasks; retries are bounded and name the task.
/// </summary>
public abstract class EngineTests
{
    protected abstract IJobEngine CreateEngine();

    /// <summary>Small parameters per workload (2 shared cores).</summary>
    public static WorkloadParameters Small(string name) => name switch
    {
        "pi" => new WorkloadParameters(100_000, 9),
        "primes" => new WorkloadParameters(50_000, 9),
        "matmul" => new WorkloadParameters(17, 5),
        "wordcount" => new WorkloadParameters(2_000, 7).With("vocabulary", "40").With("reducers", "3"),
        "mandelbrot" => new WorkloadParameters(30, 7).With("max-iter", "50"),
        "heat" => new WorkloadParameters(14, 4).With("steps", "9"),
        "io" => new WorkloadParameters(8, 8).With("latency-ms", "1"),
        "synthetic" => new WorkloadParameters(2_000, 9).With("serial-fraction", "0.2").With("distribution", "exponential"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static TheoryData<string, DispatchMode> WorkloadsAndModes()
    {
        var data = new TheoryData<string, DispatchMode>();
        foreach (var name in WorkloadRegistry.Default.Names)
        {
            data.Add(name, DispatchMode.Pull);
            data.Add(name, DispatchMode.Push);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WorkloadsAndModes))]
    public async Task Every_workload_gives_the_serial_answer_for_one_to_four_workers(string name, DispatchMode mode)
    {
        var runner = new JobRunner(WorkloadRegistry.Default, CreateEngine());
        for (var w = 1; w <= 4; w++)
        {
            var report = await runner.RunAsync(new JobRequest(name, Small(name), w, mode) { MeasureTpl = w == 2 });
            Assert.True(report.Correct, $"{name} W={w} {mode}: {report.Check}");
            Assert.Equal(w, report.Workers);
            Assert.NotNull(report.Serial);
            Assert.Equal(w == 2, report.Tpl is not null);
            Assert.Equal(report.Parameters.Tasks, report.Metrics!.TasksCompleted);
        }
    }

    [Theory]
    [MemberData(nameof(WorkloadsAndModes))]
    public async Task Workers_that_throw_are_retried_and_each_result_counts_once_for_one_to_four_workers(string name, DispatchMode mode)
    {
        var runner = new JobRunner(WorkloadRegistry.Default, CreateEngine());
        var peers = WorkloadRegistry.Default.Get(name).Topology != WorkloadTopology.TaskFarm;
        for (var w = 1; w <= 4; w++)
        {
            // One task per message, so that every dispatch is counted exactly (batched runs: the test below).
            var request = new JobRequest(name, Small(name), w, mode)
            {
                MeasureTpl = false, Faults = new FaultInjection(EveryNthTask: 2, FailuresPerTask: 2), TaskRetries = 2, Batching = BatchPolicy.None,
            };
            var report = await runner.RunAsync(request);
            Assert.True(report.Correct, $"{name} W={w} {mode}: {report.Check}");
            var tasks = request.Parameters.Tasks;
            Assert.Equal(tasks, report.Metrics!.TasksCompleted);
            if (peers)
            {
                // A peer throws twice after each even step it computes, and resumes from its checkpoint.
                var steps = request.Parameters.GetInt("steps", 0);
                Assert.Equal(tasks * 2 * (steps / 2), report.Metrics.TasksFailed);
            }
            else
            {
                // Every even task throws twice and is sent again each time.
                var failing = Enumerable.Range(0, tasks).Count(t => t % 2 == 0);
                Assert.Equal(2 * failing, report.Metrics.TasksFailed);
                Assert.Equal(tasks + (2 * failing), report.Metrics.Dispatches);
            }
        }
    }

    [Theory]
    [MemberData(nameof(WorkloadsAndModes))]
    public async Task Batched_tasks_that_throw_are_retried_with_the_untried_rest_of_their_batch_and_each_result_counts_once(string name, DispatchMode mode)
    {
        if (WorkloadRegistry.Default.Get(name).Topology != WorkloadTopology.TaskFarm)
            return;
        var runner = new JobRunner(WorkloadRegistry.Default, CreateEngine());
        foreach (var w in new[] { 1, 2, 3 })
        {
            // A huge target: every batch holds as many tasks as balance allows, so failures hit the middle of batches.
            var request = new JobRequest(name, Small(name) with { Tasks = 40 }, w, mode)
            {
                MeasureTpl = false, Faults = new FaultInjection(EveryNthTask: 3, FailuresPerTask: 2), TaskRetries = 2,
                Batching = new BatchPolicy(TimeSpan.FromSeconds(10)),
            };
            var report = await runner.RunAsync(request);
            Assert.True(report.Correct, $"{name} W={w} {mode}: {report.Check}");
            var failing = Enumerable.Range(0, 40).Count(t => t % 3 == 0);
            Assert.Equal(40, report.Metrics!.TasksCompleted);
            Assert.Equal(2 * failing, report.Metrics.TasksFailed);
            Assert.True(report.Metrics.Dispatches >= 40 + (2 * failing), $"{report.Metrics.Dispatches} dispatches");
            // Push deals one task a message until a worker has more than 64; a shuffle's messages include its parts.
            if (mode == DispatchMode.Pull && WorkloadRegistry.Default.Get(name) is not IShuffleWorkload)
                Assert.True(report.Metrics.Messages < 2 * report.Metrics.Dispatches, $"{report.Metrics.Messages} messages for {report.Metrics.Dispatches} dispatches: not batched");
        }
    }

    [Fact]
    public async Task A_peer_that_keeps_failing_fails_the_job_naming_the_peer_and_the_step()
    {
        var runner = new JobRunner(WorkloadRegistry.Default, CreateEngine());
        var request = new JobRequest("heat", Small("heat"), 2) { MeasureTpl = false, Faults = new FaultInjection(4, FailuresPerTask: 10), TaskRetries = 1 };
        var e = await Assert.ThrowsAsync<JobFailedException>(() => runner.RunAsync(request));
        Assert.Matches(@"^heat: peer [0-3] failed at step 4 2 times \(task-retries = 1\); last error: injected fault: peer [0-3] at step 4, attempt 2$", e.Message);
    }

    [Fact]
    public async Task A_task_that_keeps_failing_fails_the_job_naming_the_task()
    {
        var runner = new JobRunner(WorkloadRegistry.Default, CreateEngine());
        var request = new JobRequest("pi", Small("pi"), 2) { Faults = new FaultInjection(EveryNthTask: 5, FailuresPerTask: 10), TaskRetries = 1 };
        var e = await Assert.ThrowsAsync<JobFailedException>(() => runner.RunAsync(request));
        // Tasks 0 and 5 both always fail; whichever runs out of retries first is named.
        Assert.Matches(@"^pi: task [05] failed 2 times \(task-retries = 1\); last error: injected fault on task [05], attempt 1$", e.Message);
    }

    [Fact]
    public async Task Metrics_count_every_task_and_message()
    {
        var runner = new JobRunner(WorkloadRegistry.Default, CreateEngine());
        var report = await runner.RunAsync(new JobRequest("matmul", Small("matmul"), 2) { MeasureTpl = false });
        var m = report.Metrics!;
        Assert.Equal(5, m.TasksCompleted);
        Assert.True(m.Messages >= 10, $"{m.Messages} messages");
        Assert.True(m.Bytes > 17 * 17 * 8, $"{m.Bytes} bytes");
        Assert.Equal(2, m.PerWorker.Count);
        Assert.NotNull(m.Scaling.SpeedupVsSerial);
    }
}

public sealed class InlineEngineTests : EngineTests
{
    protected override IJobEngine CreateEngine() => new InlineEngine();
}
