using Akka.Actor;
using Akka.Event;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Cluster;

/// <summary>
/// Runs the parallel part of a job on the worker actors of every worker node that is up, from a driver node
/// (<paramref name="system"/>, joined with the <see cref="NodeRoles.Driver"/> role). The job clock starts once every
/// node has made its workers. A shuffle's reducers are spread over the nodes too (<see cref="ClusterShuffle"/>), and a
/// peer workload's peers run there in one block per node (<see cref="ClusterPeerCoordinatorActor"/>).
/// </summary>
public sealed class ClusterEngine(ActorSystem system, WorkloadRegistry? registry = null, TimeSpan? prepareTimeout = null) : IJobEngine
{
    private readonly string _version = LabVersion.Of(registry ?? WorkloadRegistry.Default);
    private int _jobs;

    public string Name => "cluster";

    public async Task<EngineRun> RunAsync(IWorkload workload, JobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(request);
        if (workload is not (ITaskFarmWorkload or IPeerWorkload))
            throw new JobFailedException($"{workload.Name}: topology {workload.Topology} does not run on a cluster");
        var nodes = LabCluster.WorkerNodes(system);
        if (nodes.Count == 0)
            throw new JobFailedException($"{workload.Name}: no worker node is up in the cluster");

        var job = $"{Interlocked.Increment(ref _jobs)}-{Guid.NewGuid():N}";
        var wait = prepareTimeout ?? TimeSpan.FromSeconds(10);
        var metrics = system.ActorOf(Props.Create(() => new MetricsActor(TimeSpan.Zero)));
        var version = _version;
        var supervisor = system.ActorOf(workload is ITaskFarmWorkload farm
            ? Props.Create(() => new ClusterSupervisorActor(farm, request, metrics, "akka.actor.default-dispatcher", nodes, job, version, wait))
            : Props.Create(() => new ClusterPeerCoordinatorActor((IPeerWorkload)workload, request, metrics, nodes, job, version, wait)));
        using var cancel = cancellationToken.Register(() => supervisor.Tell(CancelJob.Instance, ActorRefs.NoSender));
        try
        {
            var prepared = await supervisor.Ask<JobPrepared>(PrepareJob.Instance, wait + TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            if (prepared.Error is { } error)
                throw new JobFailedException($"{workload.Name}: {error}");
            var reducers = workload is IShuffleWorkload shuffle
                ? "; " + await ClusterShuffle.PlaceReducersAsync(system, supervisor, prepared.Nodes, job, shuffle.Reducers(request.Parameters), wait, cancellationToken).ConfigureAwait(false)
                : "";
            Akka.Event.Logging.GetLogger(system, "lab").Info("job {0}: {1} workers on {2} nodes, clock started", job, prepared.Workers, prepared.Nodes.Count);
            var outcome = await supervisor.Ask<JobOutcome>(StartJob.Instance, request.Timeout + TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                if (cancellationToken.IsCancellationRequested)
                    throw new OperationCanceledException(outcome.Error, cancellationToken);
                throw new JobFailedException(outcome.Error!);
            }

            return new EngineRun(outcome.Answer!, outcome.Metrics.Wall, outcome.Metrics)
            {
                Placement = workload is IPeerWorkload
                    ? $"{prepared.Workers} peers in one block per worker node, on {prepared.Nodes.Count} worker node(s)"
                    : $"{prepared.Workers} worker actors on {prepared.Nodes.Count} worker node(s){reducers}",
            };
        }
        finally
        {
            system.Stop(supervisor);
            system.Stop(metrics);
        }
    }
}
