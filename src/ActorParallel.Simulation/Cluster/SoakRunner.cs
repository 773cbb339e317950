using System.Diagnostics;
using Akka.Actor;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Lab;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Cluster;

/// <summary>What a soak runs: the workloads it cycles through, how many jobs, and when memory is sampled.</summary>
/// <param name="Workloads">Workload names, run in turn (<see cref="SoakMix"/> sizes them).</param>
/// <param name="Jobs">Jobs measured: run after the warm-up, with memory sampled every <see cref="SampleEvery"/> jobs.</param>
/// <param name="Warmup">
/// Jobs run first, unmeasured (answers still checked). Akka.Remote keeps, per thread, a cache of the last 1024 actor refs
/// and paths it resolved, and every job has actors of its own, so a process's heap rises until those caches are full
/// (about 1,500 small jobs on a three-node cluster) and then moves within a band as they evict.
/// </param>
/// <param name="SampleEvery">Jobs between memory samples after the warm-up.</param>
/// <param name="MaxGrowthPercent">The most a process's managed heap may grow over the measured jobs (<see cref="SoakReport.Memory"/>).</param>
public sealed record SoakOptions(IReadOnlyList<string> Workloads, int Jobs, int Warmup, int SampleEvery = 50, double MaxGrowthPercent = 5)
{
    public string? ConfigFile { get; init; }

    /// <summary>Each job's timeout as a duration (<c>30s</c>); default the configuration's <c>job-timeout</c>.</summary>
    public string? Timeout { get; init; }
}

/// <summary>
/// Runs many small jobs back to back from one driver (<paramref name="system"/>, already joined to the cluster): every
/// answer checked against the serial reference (computed once per job variant and kept), the driver's undelivered
/// messages counted on its event stream, and the managed heap and working set of the driver and of every worker node
/// sampled after the warm-up, every <see cref="SoakOptions.SampleEvery"/> jobs after, and at the end.
/// </summary>
public sealed class SoakRunner(ActorSystem system, WorkloadRegistry registry)
{
    /// <summary>How long a node may take to measure itself (a full collection) and answer.</summary>
    private static readonly TimeSpan AskVitals = TimeSpan.FromSeconds(10);

    /// <summary>How long a node may take to release the last job's workers before a sample counts them as held.</summary>
    private static readonly TimeSpan ReleaseWait = TimeSpan.FromSeconds(3);

    /// <summary>The most job failures kept word for word in the report.</summary>
    private const int KeptFailures = 10;

    /// <summary>Checks the options and resolves every job before anything runs (errors are <see cref="WorkloadParameterException"/>s).</summary>
    public static IReadOnlyList<(RunOptions Options, Experiments.JobRequest Request)> Plan(SoakOptions options, WorkloadRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        if (options.Workloads.Count == 0)
            throw new WorkloadParameterException("soak needs at least one workload");
        if (options.Jobs is < 1 or > 1_000_000)
            throw new WorkloadParameterException($"--jobs must be between 1 and 1000000; got {options.Jobs}");
        if (options.Warmup is < 0 or > 1_000_000)
            throw new WorkloadParameterException($"--warmup must be between 0 and 1000000; got {options.Warmup}");
        if (options.SampleEvery < 1 || options.SampleEvery > options.Jobs)
            throw new WorkloadParameterException($"--sample-every must be between 1 and --jobs ({options.Jobs}), so that memory is sampled at least twice; got {options.SampleEvery}");
        if (options.MaxGrowthPercent is <= 0 or > 1000 || double.IsNaN(options.MaxGrowthPercent))
            throw new WorkloadParameterException($"--max-growth must be a percentage above 0 and at most 1000; got {options.MaxGrowthPercent}");
        var settings = new RunOptions(options.Workloads[0]) { ConfigFile = options.ConfigFile }.LoadSettings(registry);

        // One of each variant of each workload: the jobs repeat these.
        var distinct = Math.Min(options.Warmup + options.Jobs, options.Workloads.Count * SoakMix.Variants);
        return [.. Enumerable.Range(0, distinct).Select(i =>
        {
            var run = SoakMix.Job(options.Workloads, i) with { ConfigFile = options.ConfigFile, Timeout = options.Timeout };
            return (run, run.Resolve(registry, settings) with { MeasureSerial = false, MeasureTpl = false });
        })];
    }

    /// <summary>Runs the soak; <paramref name="progress"/> hears a line after every memory sample.</summary>
    public async Task<SoakReport> RunAsync(SoakOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = Plan(options, registry);
        var letters = DeadLetterTally.Start(system);
        var runner = new JobRunner(registry, new ClusterEngine(system, registry));
        var clock = Stopwatch.StartNew();
        var (right, wrong, failed) = (0, 0, 0);
        var failures = new List<string>();
        var samples = new List<SoakSample>();
        var total = options.Warmup + options.Jobs;
        var atStart = await Task.WhenAll(LabCluster.WorkerNodes(system).Select(node => VitalsAsync(node, cancellationToken))).ConfigureAwait(false);
        if (options.Warmup == 0)
            samples.Add(await SampleAsync(0, clock.Elapsed, cancellationToken).ConfigureAwait(false));
        for (var i = 0; i < total; i++)
        {
            var (run, request) = plan[i % plan.Count];
            try
            {
                var report = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
                if (report.Correct)
                {
                    right++;
                }
                else
                {
                    wrong++;
                    Keep(failures, $"job {i + 1} ({Describe(run)}): wrong answer: {report.Check}");
                }
            }
            catch (Exception e) when (e is JobFailedException or TimeoutException or AskTimeoutException or ClusterUnavailableException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failed++;
                Keep(failures, $"job {i + 1} ({Describe(run)}): failed: {e.Message}");
            }

            var done = i + 1;
            if (done == total || (done >= options.Warmup && (done - options.Warmup) % options.SampleEvery == 0))
            {
                samples.Add(await SampleAsync(done, clock.Elapsed, cancellationToken).ConfigureAwait(false));
                if (done == total || (done - options.Warmup) % Math.Max(options.SampleEvery, 250) == 0)
                    progress?.Report($"soak: {done}/{total} jobs, {wrong} wrong, {failed} failed, driver heap {SoakReport.Megabytes(samples[^1].Driver.HeapBytes)}, {clock.Elapsed.TotalSeconds:0} s");
            }
            else if (done < options.Warmup && done % 250 == 0)
            {
                progress?.Report($"soak: {done}/{total} jobs (warm-up), {wrong} wrong, {failed} failed, {clock.Elapsed.TotalSeconds:0} s");
            }
        }

        // The listener counts on its own thread: let it count what was published before reading.
        await letters.FlushAsync(AskVitals, cancellationToken).ConfigureAwait(false);
        system.Stop(letters.Listener);
        return new SoakReport(options, right, wrong, failed, failures, samples, letters.Entries, clock.Elapsed) { NodesAtStart = atStart };

        static void Keep(List<string> failures, string line)
        {
            if (failures.Count < KeptFailures)
                failures.Add(line);
        }
    }

    /// <summary>The driver's memory and every worker node's vitals, now.</summary>
    private async Task<SoakSample> SampleAsync(int jobs, TimeSpan at, CancellationToken cancellationToken)
    {
        var nodes = LabCluster.WorkerNodes(system).OrderBy(a => a.ToString(), StringComparer.Ordinal).ToList();
        var vitals = await Task.WhenAll(nodes.Select(node => VitalsAsync(node, cancellationToken))).ConfigureAwait(false);

        // The driver last, so that the nodes' answers are not counted in its heap as garbage still to collect.
        var (heap, workingSet) = NodeVitals.MemoryNow();
        return new SoakSample(jobs, at, new SoakProcess("driver", heap, workingSet, 0, 0, 0), vitals);
    }

    /// <summary>
    /// A node's vitals. The last job's supervisor releases the node's workers when it stops, which happens as the job
    /// returns, so a node may still hold that job for a moment: asked again (at most <see cref="ReleaseWait"/>) until it
    /// holds none, so that a job held in the report is a job never released.
    /// </summary>
    private async Task<SoakProcess> VitalsAsync(Address node, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            NodeVitals v;
            try
            {
                v = await system.ActorSelection(new RootActorPath(node) / "user" / NodeRoles.NodeActorName)
                    .Ask<NodeVitals>(GetNodeVitals.Instance, AskVitals, cancellationToken).ConfigureAwait(false);
            }
            catch (AskTimeoutException)
            {
                return new SoakProcess(node.ToString(), -1, -1, -1, -1, -1);
            }

            if (v.Jobs == 0 || clock.Elapsed >= ReleaseWait)
                return new SoakProcess(node.ToString(), v.HeapBytes, v.WorkingSetBytes, v.DeadLetters, v.Unhandled, v.Jobs);
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Describe(RunOptions run) =>
        $"{run.Workload} size {run.Size} tasks {run.Tasks} seed {run.Seed}{(run.Options.Count > 0 ? " " + string.Join(" ", run.Options) : "")}";
}
