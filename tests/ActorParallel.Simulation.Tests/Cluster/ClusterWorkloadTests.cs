using Akka.Actor;
using ActorParallel.Configuration;
using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Tests.Engine;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Cluster;

/// <summary>
/// Word count's shuffle and heat's strips across two worker systems on 127.0.0.1 (port 0) in this process: reducers and
/// strips live on the worker nodes and the answer matches the serial reference. A worker node shut down abruptly mid-job
/// restarts a heat job on the nodes left (or, with no retries left, fails it naming the node) and fails a word-count
/// job at once, naming the node and its reducers, instead of leaving either hanging.
/// </summary>
public sealed class ClusterWorkloadTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly HoconConfig Abrupt = HoconConfigFactory.ParseString("akka.coordinated-shutdown.run-by-actor-system-terminate = off");
    private readonly List<ActorSystem> _systems = [];
    private ActorSystem _driver = null!;

    public async Task InitializeAsync()
    {
        _driver = Start(NodeRoles.Driver, []);
        var up = new TaskCompletionSource();
        Akka.Cluster.Cluster.Get(_driver).RegisterOnMemberUp(up.SetResult);
        await up.Task.WaitAsync(Patience);
        Start(NodeRoles.Worker, [Seed]);
        Start(NodeRoles.Worker, [Seed]);
        Assert.True(await LabCluster.WaitForWorkersAsync(_driver, 2, Patience), "two worker nodes did not come up");
    }

    public async Task DisposeAsync()
    {
        foreach (var s in _systems)
            await s.Terminate().WaitAsync(Patience);
    }

    private string Seed => Akka.Cluster.Cluster.Get(_driver).SelfAddress.ToString();

    private ActorSystem Start(string role, IReadOnlyList<string> seeds, HoconConfig? user = null)
    {
        var system = LabCluster.Start(new NodeOptions(role, seeds, Workers: 2), user: user);
        _systems.Add(system);
        return system;
    }

    [Fact]
    public async Task Wordcount_reducers_spread_over_both_nodes_give_the_serial_answer()
    {
        var runner = new JobRunner(WorkloadRegistry.Default, new ClusterEngine(_driver));
        var request = new JobRequest("wordcount", EngineTests.Small("wordcount") with { Tasks = 12 }, 4) { MeasureTpl = false, Batching = BatchPolicy.None };

        var report = await runner.RunAsync(request).WaitAsync(Patience);

        Assert.True(report.Correct, report.Check);
        Assert.Equal(12, report.Metrics!.TasksCompleted);
        Assert.Contains("3 reducers on 2 of them", report.Placement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heat_strips_in_blocks_on_both_nodes_exchange_halos_across_the_network_and_give_the_serial_answer()
    {
        // 4 strips of 30 rows of 122 cells: each strip's result (29 KB) and the halos cross between the nodes' blocks.
        var runner = new JobRunner(WorkloadRegistry.Default, new ClusterEngine(_driver));
        var request = new JobRequest("heat", new WorkloadParameters(122, 4).With("steps", "30"), 4) { MeasureTpl = false };

        var report = await runner.RunAsync(request).WaitAsync(Patience);

        Assert.True(report.Correct, report.Check);
        Assert.Equal(4, report.Metrics!.TasksCompleted);
        Assert.Contains("on 2 worker node(s)", report.Placement, StringComparison.Ordinal);

        // A row per node: a block of two strips each, whose rows (2 x 32 x 122 doubles and a header) came back.
        Assert.Equal(2, report.Metrics.PerNode.Count);
        Assert.All(report.Metrics.PerNode, n =>
        {
            Assert.Equal((2, 2), (n.Workers, n.Tasks));
            Assert.InRange(n.BytesIn, 2 * 32 * 122 * 8, (2 * 32 * 122 * 8) + 100);
            Assert.True(n.BytesOut > 0, "the wiring went to the node");
        });
    }

    [Fact]
    public async Task A_heat_strip_s_rows_travel_in_pieces_and_strips_that_throw_resume_on_their_node()
    {
        // 2 strips of 199 rows of 400 cells: 640 KB each, ten pieces of 64 KB. Every 7th step throws once.
        var runner = new JobRunner(WorkloadRegistry.Default, new ClusterEngine(_driver));
        var request = new JobRequest("heat", new WorkloadParameters(400, 2).With("steps", "20").With("checkpoint-every", "5"), 2)
        {
            MeasureTpl = false, Faults = new FaultInjection(EveryNthTask: 7),
        };

        var report = await runner.RunAsync(request).WaitAsync(Patience);

        Assert.True(report.Correct, report.Check);
        Assert.True(report.Metrics!.TasksFailed > 0, "the injected faults were reported");
    }

    [Fact]
    public async Task A_heat_job_whose_halos_would_not_fit_a_frame_is_refused_before_it_starts()
    {
        // A driver with Akka's smallest frame (32000 bytes): a halo of 4100 cells is 32.8 KB.
        var driver = Start(NodeRoles.Driver, [Seed], HoconConfigFactory.ParseString("akka.remote.dot-netty.tcp.maximum-frame-size = 32000b"));
        Assert.True(await LabCluster.WaitForWorkersAsync(driver, 2, Patience), "the second driver did not see the worker nodes");
        var heat = WorkloadRegistry.Default.Get("heat");

        var error = await Assert.ThrowsAsync<WorkloadParameterException>(
            () => new ClusterEngine(driver).RunAsync(heat, new JobRequest("heat", new WorkloadParameters(4100, 2).With("steps", "1"), 2)).WaitAsync(Patience));

        Assert.Contains("heat: a HaloRow between peers is 32.8 KB", error.Message, StringComparison.Ordinal);
        Assert.Contains("maximum-frame-size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_node_lost_mid_heat_restarts_the_job_on_the_nodes_left_and_the_answer_is_right()
    {
        var victim = Start(NodeRoles.Worker, [Seed], Abrupt);
        Assert.True(await LabCluster.WaitForWorkersAsync(_driver, 3, Patience), "the third worker node did not come up");

        // A strip on each node, lockstep over 3000 steps: the others wait for the victim's halos until the restart.
        var runner = new JobRunner(WorkloadRegistry.Default, new ClusterEngine(_driver));
        var job = runner.RunAsync(new JobRequest("heat", new WorkloadParameters(60, 3).With("steps", "3000"), 3) { MeasureTpl = false });
        await AwaitConditionAsync(() => Has(victim, "*/peer-*"));
        await victim.Terminate().WaitAsync(Patience);

        var report = await job.WaitAsync(Patience);
        Assert.True(report.Correct, report.Check);
        Assert.Equal(3, report.Metrics!.TasksCompleted);
        Assert.Equal(3, report.Metrics.Reissued);
        Assert.Equal(2, report.Metrics.PerNode.Count);
    }

    [Fact]
    public async Task A_worker_node_lost_mid_heat_with_no_retries_left_fails_the_job_naming_it()
    {
        var victim = Start(NodeRoles.Worker, [Seed], Abrupt);
        Assert.True(await LabCluster.WaitForWorkersAsync(_driver, 3, Patience), "the third worker node did not come up");
        var address = Akka.Cluster.Cluster.Get(victim).SelfAddress.ToString();

        // Far more steps than the test waits for: the job can only end by the node's loss.
        var heat = WorkloadRegistry.Default.Get("heat");
        var request = new JobRequest("heat", new WorkloadParameters(60, 3).With("steps", "10000000"), 3) { TaskRetries = 0 };
        var job = new ClusterEngine(_driver).RunAsync(heat, request);
        await AwaitConditionAsync(() => Has(victim, "*/peer-*"));
        await victim.Terminate().WaitAsync(Patience);

        var failure = await Assert.ThrowsAsync<JobFailedException>(() => job.WaitAsync(Patience));
        Assert.Contains(address, failure.Message, StringComparison.Ordinal);
        Assert.Contains("restarted 0 time(s), task-retries = 0", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_node_lost_mid_shuffle_fails_the_job_naming_it_and_its_reducers()
    {
        var victim = Start(NodeRoles.Worker, [Seed], Abrupt);
        Assert.True(await LabCluster.WaitForWorkersAsync(_driver, 3, Patience), "the third worker node did not come up");
        var address = Akka.Cluster.Cluster.Get(victim).SelfAddress.ToString();

        // One reducer per node: the victim's holds a third of the partitions, so the job cannot finish without it.
        var wordcount = WorkloadRegistry.Default.Get("wordcount");
        var request = new JobRequest("wordcount", new WorkloadParameters(400_000, 60).With("reducers", "3"), 4) { Batching = BatchPolicy.None };
        var job = new ClusterEngine(_driver).RunAsync(wordcount, request);
        await AwaitConditionAsync(() => Has(victim, "*/reducer-*"));
        await victim.Terminate().WaitAsync(Patience);

        var failure = await Assert.ThrowsAsync<JobFailedException>(() => job.WaitAsync(Patience));
        Assert.Contains(address, failure.Message, StringComparison.Ordinal);
        Assert.Contains("reducer-", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, bounded by <see cref="Patience"/>.</summary>
    private static async Task AwaitConditionAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }

    /// <summary>Whether the node's job children have an actor at <paramref name="path"/> (under /user/lab-node/job-*/).</summary>
    private static async Task<bool> Has(ActorSystem node, string path)
    {
        try
        {
            await node.ActorSelection($"/user/{NodeRoles.NodeActorName}/{path}").ResolveOne(TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ActorNotFoundException)
        {
            return false;
        }
    }
}
