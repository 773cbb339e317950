using Akka.Actor;
using Akka.Cluster;
using ActorParallel.Configuration;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Lab;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Cluster;

/// <summary>The cluster is not there: no seed answered, or fewer worker nodes than asked for came up in time.</summary>
public sealed class ClusterUnavailableException(string message) : Exception(message)
{
    public ClusterUnavailableException()
        : this("the cluster is not reachable")
    {
    }

    public ClusterUnavailableException(string message, Exception inner)
        : this(message) => _ = inner;
}

/// <summary>
/// The lab as a driver node: joins the cluster at <c>seed</c> with the <see cref="NodeRoles.Driver"/> role, waits
/// (bounded) for enough worker nodes, and runs jobs on them (<see cref="ClusterEngine"/>); disposing it leaves the
/// cluster gracefully.
/// </summary>
public sealed class ClusterLab : IAsyncDisposable
{
    private ClusterLab(ActorSystem system, SimulationLab lab) => (System, Lab) = (system, lab);

    public ActorSystem System { get; }

    public SimulationLab Lab { get; }

    /// <summary>
    /// Joins at <paramref name="seed"/> and waits up to <paramref name="wait"/> for <paramref name="workerNodes"/> worker nodes.
    /// <paramref name="phases"/>, if given, hears when each phase of a job starts. <paramref name="hostname"/> is the address
    /// this driver listens on: the worker nodes must reach it (127.0.0.1 only serves nodes on this machine).
    /// </summary>
    public static async Task<ClusterLab> ConnectAsync(
        string seed, int workerNodes, TimeSpan wait, WorkloadRegistry? registry = null, HoconConfig? akka = null, CancellationToken cancellationToken = default,
        IProgress<JobPhaseStarted>? phases = null, bool workersAreNodes = false, NodeTls? tls = null, string hostname = "127.0.0.1")
    {
        var workloads = registry ?? WorkloadRegistry.Default;
        var system = LabCluster.Start(new NodeOptions(NodeRoles.Driver, [seed], hostname) { Tls = tls }, workloads, akka);
        try
        {
            if (!await LabCluster.WaitForWorkersAsync(system, workerNodes, wait, cancellationToken).ConfigureAwait(false))
            {
                var up = LabCluster.WorkerNodes(system).Count;
                var joined = Akka.Cluster.Cluster.Get(system).State.Members.Any(m => m.Address == Akka.Cluster.Cluster.Get(system).SelfAddress && m.Status == MemberStatus.Up);
                throw new ClusterUnavailableException(joined
                    ? $"only {up} of {workerNodes} worker nodes were up after {wait} (--nodes, --wait); start more with `node --seed {seed}`"
                    : $"could not join the cluster at {seed} within {wait}: is a node running there? Start one with `node --port PORT`");
            }

            var engine = new ClusterEngine(system, workloads) { WorkersAreNodes = workersAreNodes, WarmUp = true };
            return new ClusterLab(system, new SimulationLab(workloads, _ => new JobRunner(workloads, engine, quiesce: true, phases)));
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Leaves the cluster (CoordinatedShutdown) and stops the node, bounded.</summary>
    public async ValueTask DisposeAsync()
    {
        await CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClusterLeavingReason.Instance).WaitAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
    }
}
