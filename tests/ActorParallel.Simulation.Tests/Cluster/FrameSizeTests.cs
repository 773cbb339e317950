using Akka.Actor;
using ActorParallel.Configuration;
using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Cluster;

/// <summary>
/// Messages larger than the transport's frame never vanish: with Akka's smallest frame (32000 bytes) a task that would not
/// fit is refused before the job starts, and a result that would not fit fails its job with its size named.
/// </summary>
public sealed class FrameSizeTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly HoconConfig SmallFrames = HoconConfigFactory.ParseString("akka.remote.dot-netty.tcp.maximum-frame-size = 32000b");
    private readonly List<ActorSystem> _systems = [];
    private ActorSystem _driver = null!;

    public async Task InitializeAsync()
    {
        _driver = LabCluster.Start(new NodeOptions(NodeRoles.Driver, [], Workers: 1), user: SmallFrames);
        _systems.Add(_driver);
        var seed = Akka.Cluster.Cluster.Get(_driver).SelfAddress.ToString();
        _systems.Add(LabCluster.Start(new NodeOptions(NodeRoles.Worker, [seed], Workers: 2), user: SmallFrames));
        Assert.True(await LabCluster.WaitForWorkersAsync(_driver, 1, Patience), "the worker node did not come up");
    }

    public async Task DisposeAsync()
    {
        foreach (var s in _systems)
            await s.Terminate().WaitAsync(Patience);
    }

    [Fact]
    public void The_lab_s_own_frame_is_16_MiB_and_a_config_can_change_it()
    {
        Assert.Equal(32000 - TransportLimits.EnvelopeAllowance, TransportLimits.MaxPayloadBytes(_driver));
        var defaults = LabCluster.Configuration(new NodeOptions(NodeRoles.Driver, []));
        Assert.Equal(16L * 1024 * 1024, defaults.GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size"));
    }

    [Fact]
    public async Task A_task_larger_than_a_frame_is_refused_before_the_job_starts_naming_its_size()
    {
        // matmul of order 100: every task carries all of B, 80 KB.
        var runner = new JobRunner(WorkloadRegistry.Default, new ClusterEngine(_driver));
        var request = new JobRequest("matmul", new WorkloadParameters(100, 4), 2) { MeasureTpl = false };

        var error = await Assert.ThrowsAsync<WorkloadParameterException>(() => runner.RunAsync(request).WaitAsync(Patience));

        Assert.Contains("matmul: task 0 is 100 KB (100027 bytes) on the wire (MatMulTask)", error.Message, StringComparison.Ordinal);
        Assert.Contains("maximum-frame-size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_larger_than_a_frame_fails_the_job_naming_its_size_instead_of_vanishing()
    {
        // mandelbrot 200 x 200 in 2 tasks: small tasks, results of 100 rows x 200 pixels x 4 bytes = 80 KB each.
        var runner = new JobRunner(WorkloadRegistry.Default, new ClusterEngine(_driver));
        var request = new JobRequest("mandelbrot", new WorkloadParameters(200, 2).With("max-iter", "20"), 2)
        {
            MeasureTpl = false, Batching = BatchPolicy.None, TaskRetries = 0,
        };

        var error = await Assert.ThrowsAsync<JobFailedException>(() => runner.RunAsync(request).WaitAsync(Patience));

        Assert.Contains("a message may carry", error.Message, StringComparison.Ordinal);
        Assert.Contains("80 KB", error.Message, StringComparison.Ordinal);
    }
}
