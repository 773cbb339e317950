using Akka.Actor;
using Akka.Cluster;
using ActorParallel.Configuration;
using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Tests.Engine;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Cluster;

/// <summary>
/// Three actor systems on 127.0.0.1 (port 0) in this process: a driver that founded the cluster and two worker nodes.
/// Jobs run on the workers of both nodes; a node that dies mid-job loses nothing and counts nothing twice.
/// </summary>
public sealed class InProcessClusterTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<ActorSystem> _systems = [];
    private ActorSystem _driver = null!;

    public async Task InitializeAsync()
    {
        _driver = Start(NodeRoles.Driver, []);
        await AwaitUp(_driver);
        var seed = Akka.Cluster.Cluster.Get(_driver).SelfAddress.ToString();
        Start(NodeRoles.Worker, [seed]);
        Start(NodeRoles.Worker, [seed]);
        Assert.True(await LabCluster.WaitForWorkersAsync(_driver, 2, Patience), "two worker nodes did not come up");
    }

    public async Task DisposeAsync()
    {
        foreach (var s in _systems)
            await s.Terminate().WaitAsync(Patience);
    }

    private ActorSystem Start(string role, IReadOnlyList<string> seeds, HoconConfig? user = null)
    {
        var system = LabCluster.Start(new NodeOptions(role, seeds, Workers: 2), user: user);
        _systems.Add(system);
        return system;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, bounded by <see cref="Patience"/> (TestKit's AwaitCondition, async).</summary>
    private static async Task AwaitConditionAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }

    private static Task AwaitUp(ActorSystem system)
    {
        var up = new TaskCompletionSource();
        Akka.Cluster.Cluster.Get(system).RegisterOnMemberUp(up.SetResult);
        return up.Task.WaitAsync(Patience);
    }

    [Theory]
    [InlineData("pi", DispatchMode.Pull)]
    [InlineData("primes", DispatchMode.Push)]
    [InlineData("mandelbrot", DispatchMode.Pull)]
    [InlineData("matmul", DispatchMode.Pull)]
    public async Task A_job_runs_on_the_workers_of_both_nodes_and_matches_the_serial_reference(string name, DispatchMode mode)
    {
        var runner = new JobRunner(WorkloadRegistry.Default, new ClusterEngine(_driver));
        var request = new JobRequest(name, EngineTests.Small(name) with { Tasks = 16 }, 4, mode) { MeasureTpl = false, Batching = BatchPolicy.None };

        var report = await runner.RunAsync(request).WaitAsync(Patience);

        Assert.True(report.Correct, report.Check);
        Assert.Equal(16, report.Metrics!.TasksCompleted);
        Assert.Equal(4, report.Metrics.Workers);
        Assert.All(report.Metrics.PerWorker, w => Assert.True(w.Tasks > 0 || mode == DispatchMode.Pull, $"worker {w.WorkerId} got nothing"));

        // A row per worker node: its two workers, its share of the tasks, the bytes our serializer wrote and read for it.
        Assert.Equal(2, report.Metrics.PerNode.Count);
        Assert.Equal(16, report.Metrics.PerNode.Sum(n => n.Tasks));
        Assert.All(report.Metrics.PerNode, n =>
        {
            Assert.Equal(2, n.Workers);
            Assert.True(n.Tasks == 0 || (n.BytesOut > 0 && n.BytesIn > 0), $"{n.Node}: {n.Tasks} tasks but {n.BytesOut} bytes out, {n.BytesIn} in");
        });
    }

    [Fact]
    public async Task A_warmed_up_job_reports_only_itself()
    {
        var runner = new JobRunner(WorkloadRegistry.Default, new ClusterEngine(_driver) { WarmUp = true });
        var request = new JobRequest("mandelbrot", EngineTests.Small("mandelbrot") with { Tasks = 16 }, 4) { MeasureTpl = false };

        var report = await runner.RunAsync(request).WaitAsync(Patience);

        Assert.True(report.Correct, report.Check);
        Assert.Equal(16, report.Metrics!.TasksCompleted);
        Assert.Equal(16, report.Metrics.PerNode.Sum(n => n.Tasks));
    }

    [Fact]
    public void The_warm_up_of_every_workload_is_a_valid_small_job_of_it()
    {
        var settings = SimulationSettings.Load();
        foreach (var workload in WorkloadRegistry.Default.All)
        {
            var job = new JobRequest(workload.Name, settings.ParametersFor(workload), 4) { Speculation = SpeculationPolicy.Cluster };
            var warm = ClusterEngine.WarmUpRequest(workload, job);
            Assert.NotNull(warm);
            workload.Validate(warm.Parameters);
            Assert.True(warm.Parameters.Tasks <= 128 && !warm.MeasureTpl && warm.Speculation is null, $"{workload.Name}: {warm}");
            Assert.True(warm.Parameters.Size <= Math.Max(job.Parameters.Size, 64), $"{workload.Name}: {warm.Parameters}");
        }
    }

    [Fact]
    public async Task With_nodes_as_the_axis_W_worker_nodes_run_one_worker_each_and_too_many_is_a_clear_error()
    {
        var runner = new JobRunner(WorkloadRegistry.Default, new ClusterEngine(_driver) { WorkersAreNodes = true });
        foreach (var w in new[] { 1, 2 })
        {
            var report = await runner.RunAsync(new JobRequest("pi", EngineTests.Small("pi") with { Tasks = 8 }, w) { MeasureTpl = false }).WaitAsync(Patience);
            Assert.True(report.Correct, report.Check);
            Assert.Equal(w, report.Metrics!.PerNode.Count);
            Assert.All(report.Metrics.PerNode, n => Assert.Equal(1, n.Workers));
        }

        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(
            () => runner.RunAsync(new JobRequest("pi", EngineTests.Small("pi"), 3) { MeasureTpl = false }).WaitAsync(Patience));
        Assert.Contains("needs 3, but 2 are up", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workers_that_throw_on_a_node_are_restarted_there_and_their_tasks_retried()
    {
        var runner = new JobRunner(WorkloadRegistry.Default, new ClusterEngine(_driver));
        var request = new JobRequest("pi", EngineTests.Small("pi") with { Tasks = 12 }, 4)
        {
            MeasureTpl = false, Faults = new FaultInjection(EveryNthTask: 3), Batching = BatchPolicy.None,
        };

        var report = await runner.RunAsync(request).WaitAsync(Patience);

        Assert.True(report.Correct, report.Check);
        Assert.Equal(4, report.Metrics!.TasksFailed);
        Assert.Equal(12, report.Metrics.TasksCompleted);
    }

    [Fact]
    public async Task A_worker_node_that_dies_mid_job_loses_nothing_and_counts_nothing_twice()
    {
        // A third worker node whose actor system stops without leaving the cluster: to the others it just goes silent.
        var abrupt = HoconConfigFactory.ParseString("akka.coordinated-shutdown.run-by-actor-system-terminate = off");
        var seed = Akka.Cluster.Cluster.Get(_driver).SelfAddress.ToString();
        var victim = Start(NodeRoles.Worker, [seed], abrupt);
        Assert.True(await LabCluster.WaitForWorkersAsync(_driver, 3, Patience), "the third worker node did not come up");

        // Tasks of ~10-20 ms: the job is still running when the node goes.
        var parameters = new WorkloadParameters(120_000_000, 60);
        var request = new JobRequest("pi", parameters, 6) { MeasureTpl = false, Batching = BatchPolicy.None, Prefetch = 1 };
        var runner = new JobRunner(WorkloadRegistry.Default, new ClusterEngine(_driver));
        var job = runner.RunAsync(request);

        // Once the victim has made the job's workers it holds batches: stop it then.
        await AwaitConditionAsync(() => HasJob(victim));
        await victim.Terminate().WaitAsync(Patience);

        var report = await job.WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(report.Correct, report.Check);
        Assert.Equal(60, report.Metrics!.TasksCompleted);
        Assert.True(report.Metrics.Reissued > 0, "the dead node held tasks: they were re-issued");
    }

    [Fact]
    public async Task When_the_driver_dies_the_worker_nodes_drop_its_job_and_stay_up()
    {
        var abrupt = HoconConfigFactory.ParseString("akka.coordinated-shutdown.run-by-actor-system-terminate = off");
        var seed = Akka.Cluster.Cluster.Get(_driver).SelfAddress.ToString();
        var doomed = Start(NodeRoles.Driver, [seed], abrupt);
        Assert.True(await LabCluster.WaitForWorkersAsync(doomed, 2, Patience), "the second driver did not see the worker nodes");
        var worker = _systems[1];

        // A long job (seconds of pi) from the doomed driver, straight on the engine (no serial reference first); never awaited.
        var pi = WorkloadRegistry.Default.Get("pi");
        _ = new ClusterEngine(doomed).RunAsync(pi, new JobRequest("pi", new WorkloadParameters(2_000_000_000, 200), 4) { Batching = BatchPolicy.None });
        await AwaitConditionAsync(() => HasJob(worker));
        await doomed.Terminate().WaitAsync(Patience);

        // Once the cluster has removed the dead driver, its job's workers are stopped; the node is still up and serving.
        await AwaitConditionAsync(async () => !await HasJob(worker));
        var report = await new JobRunner(WorkloadRegistry.Default, new ClusterEngine(_driver))
            .RunAsync(new JobRequest("pi", EngineTests.Small("pi"), 4) { MeasureTpl = false }).WaitAsync(Patience);
        Assert.True(report.Correct, report.Check);
    }

    private static async Task<bool> HasJob(ActorSystem node)
    {
        try
        {
            await node.ActorSelection($"/user/{NodeRoles.NodeActorName}/*").ResolveOne(TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ActorNotFoundException)
        {
            return false;
        }
    }
}
