using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Engine;

/// <summary>The engine suite on real actors: W worker actors on a W-thread ForkJoinDispatcher.</summary>
public sealed class ActorEngineTests : EngineTests
{
    protected override IJobEngine CreateEngine() => new ActorEngine();

    [Fact]
    public async Task A_job_that_outlives_its_timeout_fails_saying_so()
    {
        // The engine alone: the serial reference would wait 20 s.
        var request = new JobRequest("io", new WorkloadParameters(4, 1).With("latency-ms", "5000"), 1) { Timeout = TimeSpan.FromMilliseconds(300) };
        var e = await Assert.ThrowsAsync<JobFailedException>(() => CreateEngine().RunAsync(WorkloadRegistry.Default.Get("io"), request));
        Assert.Contains("timed out", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wordcount_map_outputs_are_shuffled_to_reducers_by_key()
    {
        var workload = WorkloadRegistry.Default.Get("wordcount");
        var p = Small("wordcount"); // 7 map tasks, 3 reducers
        var run = await CreateEngine().RunAsync(workload, new JobRequest("wordcount", p, 2));
        Assert.True(workload.Check(workload.RunSerial(p), run.Answer).Passed);
        // 7 tasks out, 7 results back, and each map task sends one part to each of the 3 reducers.
        Assert.Equal((2 * 7) + (7 * 3), run.Metrics.Messages);
    }

    [Fact]
    public async Task A_cancelled_job_stops()
    {
        using var cts = new CancellationTokenSource();
        var request = new JobRequest("io", new WorkloadParameters(4, 1).With("latency-ms", "5000"), 1);
        var run = CreateEngine().RunAsync(WorkloadRegistry.Default.Get("io"), request, cts.Token);
        cts.CancelAfter(200);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("io")]
    [InlineData("heat")]
    public async Task A_job_cancelled_before_it_starts_never_runs(string name)
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var request = new JobRequest(name, Small(name), 1);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateEngine().RunAsync(WorkloadRegistry.Default.Get(name), request, cts.Token))
            .WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Io_tasks_overlap_within_a_worker()
    {
        // One worker, prefetch 3: four simulated requests in flight on one thread. Overlap shows as more
        // time spent in tasks than the job took (utilisation above 1); no absolute duration is asserted.
        var request = new JobRequest("io", new WorkloadParameters(4, 4).With("latency-ms", "500"), 1) { Prefetch = 3 };
        var run = await CreateEngine().RunAsync(WorkloadRegistry.Default.Get("io"), request);
        Assert.Equal(4, run.Metrics.TasksCompleted);
        Assert.True(run.Metrics.PerWorker[0].Busy > run.Wall * 1.5, $"busy {run.Metrics.PerWorker[0].Busy} in {run.Wall}");
    }

    [Fact]
    public async Task Progress_snapshots_are_published_while_the_job_runs()
    {
        var snapshots = new List<MetricsSnapshot>();
        var progress = new SynchronousProgress(s => { lock (snapshots) snapshots.Add(s); });
        var engine = new ActorEngine(TimeSpan.FromMilliseconds(20), progress);
        var request = new JobRequest("io", new WorkloadParameters(6, 6).With("latency-ms", "60"), 1);
        await engine.RunAsync(WorkloadRegistry.Default.Get("io"), request);
        lock (snapshots)
        {
            Assert.NotEmpty(snapshots);
            Assert.All(snapshots, s => Assert.Equal(6, s.TasksTotal));
        }
    }

    private sealed class SynchronousProgress(Action<MetricsSnapshot> report) : IProgress<MetricsSnapshot>
    {
        public void Report(MetricsSnapshot value) => report(value);
    }
}
