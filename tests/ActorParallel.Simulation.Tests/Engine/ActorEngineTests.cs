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
        // 7 tasks out, 7 results back, and each map task sends one part per partition (PartitionsPerReducer for each of the 3 reducers).
        Assert.Equal((2 * 7) + (7 * 3 * SupervisorActor.PartitionsPerReducer), run.Metrics.Messages);
    }

    [Fact]
    public async Task A_quiesced_job_warms_up_apart_and_reports_only_its_own_tasks()
    {
        var workload = WorkloadRegistry.Default.Get("pi");
        var p = Small("pi");
        var run = await new ActorEngine(quiesce: true).RunAsync(workload, new JobRequest("pi", p, 2));
        Assert.True(workload.Check(workload.RunSerial(p), run.Answer).Passed);
        Assert.Equal(p.Tasks, run.Metrics.TasksCompleted);
        Assert.Equal(p.Tasks, run.Metrics.Dispatches);
        Assert.InRange(run.Metrics.Messages, 2, 2 * p.Tasks); // a batch out and back each; small tasks share batches
    }

    [Theory]
    [InlineData("heat")]
    [InlineData("wordcount")]
    public async Task A_quiesced_job_with_its_own_warm_up_gives_the_serial_answer_and_reports_only_its_own_work(string name)
    {
        // heat and wordcount also run a small job of their own twice before the clock (IWarmUpWorkload).
        var workload = WorkloadRegistry.Default.Get(name);
        var p = Small(name);
        Assert.IsAssignableFrom<IWarmUpWorkload>(workload);
        var run = await new ActorEngine(quiesce: true).RunAsync(workload, new JobRequest(name, p, 2));
        Assert.True(workload.Check(workload.RunSerial(p), run.Answer).Passed);
        Assert.Equal(p.Tasks, run.Metrics.TasksCompleted);
        Assert.Equal(p.Tasks, run.Metrics.Dispatches);
        var expectedMessages = name == "heat"
            ? 2 * (p.Tasks - 1) * p.GetInt("steps", 0) // one halo each way across each inner boundary, after steps 0 to steps - 1
            : (2 * p.Tasks) + (p.Tasks * p.GetInt("reducers", 4) * SupervisorActor.PartitionsPerReducer);
        Assert.Equal(expectedMessages, run.Metrics.Messages);
    }

    [Fact]
    public async Task A_reducer_that_throws_fails_the_job_at_once_naming_the_partition()
    {
        var workload = new ReduceThrowsOn(partition: 5);
        var request = new JobRequest("wordcount", Small("wordcount"), 2) { Timeout = TimeSpan.FromMinutes(5) };
        var e = await Assert.ThrowsAsync<JobFailedException>(() => CreateEngine().RunAsync(workload, request)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Matches(@"^wordcount: reducing partition 5 of 48 failed: reducing its 7 parts threw InvalidOperationException: partition 5 is cursed$", e.Message);
    }

    [Fact]
    public async Task A_combine_step_that_throws_fails_the_job_at_once_naming_the_exception()
    {
        var request = new JobRequest("combine-throws", new WorkloadParameters(4, 4), 2) { Timeout = TimeSpan.FromMinutes(5) };
        var e = await Assert.ThrowsAsync<JobFailedException>(() => CreateEngine().RunAsync(new CombineThrows(), request)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("combine-throws: combine failed: NotSupportedException: no combine today", e.Message);
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

    /// <summary>Four trivial tasks whose combine step throws an exception no workload is expected to throw.</summary>
    private sealed class CombineThrows : Workload<int, int, int>
    {
        public override string Name => "combine-throws";

        public override string Description => "test";

        public override long DefaultSize => 4;

        protected override IEnumerable<int> Split(WorkloadParameters parameters) => Enumerable.Range(0, 4);

        protected override int Execute(int task) => task;

        protected override int Combine(WorkloadParameters parameters, IReadOnlyList<int> outputs) => throw new NotSupportedException("no combine today");

        protected override int Serial(WorkloadParameters parameters) => 6;
    }

    /// <summary>Wordcount whose reduce throws on one partition.</summary>
    private sealed class ReduceThrowsOn(int partition) : IShuffleWorkload
    {
        private readonly IShuffleWorkload _wordcount = (IShuffleWorkload)WorkloadRegistry.Default.Get("wordcount");

        public string Name => _wordcount.Name;

        public string Description => _wordcount.Description;

        public WorkloadTopology Topology => _wordcount.Topology;

        public long DefaultSize => _wordcount.DefaultSize;

        public int DefaultTasks => _wordcount.DefaultTasks;

        public string SizeUnit => _wordcount.SizeUnit;

        public IReadOnlyList<WorkloadOption> Options => _wordcount.Options;

        public void Validate(WorkloadParameters parameters) => _wordcount.Validate(parameters);

        public object RunSerial(WorkloadParameters parameters, CancellationToken cancellationToken = default) => _wordcount.RunSerial(parameters, cancellationToken);

        public object RunTpl(WorkloadParameters parameters, int workers, CancellationToken cancellationToken = default) => _wordcount.RunTpl(parameters, workers, cancellationToken);

        public CheckResult Check(object expected, object actual) => _wordcount.Check(expected, actual);

        public string Describe(object answer) => _wordcount.Describe(answer);

        public IReadOnlyList<WorkTask> Split(WorkloadParameters parameters) => _wordcount.Split(parameters);

        public TaskResult Execute(WorkTask task) => _wordcount.Execute(task);

        public ValueTask<TaskResult> ExecuteAsync(WorkTask task, CancellationToken cancellationToken = default) => _wordcount.ExecuteAsync(task, cancellationToken);

        public object Combine(WorkloadParameters parameters, IReadOnlyList<TaskResult> results) => _wordcount.Combine(parameters, results);

        public long EstimateBytes(object payload) => _wordcount.EstimateBytes(payload);

        public int Reducers(WorkloadParameters parameters) => _wordcount.Reducers(parameters);

        public IReadOnlyList<object> Partition(object mapOutput, int partitions) =>
            [.. _wordcount.Partition(mapOutput, partitions).Select((part, p) => p == partition ? new Cursed(part) : part)];

        public object Reduce(IReadOnlyList<object> parts) => parts.Any(p => p is Cursed)
            ? throw new InvalidOperationException($"partition {partition} is cursed")
            : _wordcount.Reduce(parts);

        public object CombineReduced(WorkloadParameters parameters, IReadOnlyList<object> reduced) => _wordcount.CombineReduced(parameters, reduced);

        private sealed record Cursed(object Part);
    }

    private sealed class SynchronousProgress(Action<MetricsSnapshot> report) : IProgress<MetricsSnapshot>
    {
        public void Report(MetricsSnapshot value) => report(value);
    }
}
