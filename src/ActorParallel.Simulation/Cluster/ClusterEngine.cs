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
/// node has made its workers. Task farms only for now: heat's peers and word count's reducers stay on one node.
/// </summary>
public sealed class ClusterEngine(ActorSystem system, WorkloadRegistry? registry = null, TimeSpan? prepareTimeout = null) : IJobEngine
{
    private readonly string _version = LabVersion.Of(registry ?? WorkloadRegistry.Default);
    private int _jobs;

    public string Name => "cluster";

    /// <summary>
    /// Read a request's worker count W as a number of worker nodes: the job runs on the first W worker nodes (by address),
    /// one worker actor on each, so W counts both. This is how <c>sweep --cluster --nodes 1,2</c> makes nodes its scaling axis.
    /// </summary>
    public bool WorkersAreNodes { get; init; }

    public async Task<EngineRun> RunAsync(IWorkload workload, JobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(request);
        if (workload is not ITaskFarmWorkload farm || workload is IShuffleWorkload)
            throw new JobFailedException($"{workload.Name}: only task-farm workloads without a shuffle run on a cluster so far (not {workload.Topology})");
        var nodes = LabCluster.WorkerNodes(system);
        if (nodes.Count == 0)
            throw new JobFailedException($"{workload.Name}: no worker node is up in the cluster");
        if (WorkersAreNodes)
        {
            if (nodes.Count < request.Workers)
                throw new ClusterUnavailableException($"{workload.Name}: the point with {request.Workers} worker nodes needs {request.Workers}, but {nodes.Count} are up");
            nodes = [.. nodes.OrderBy(n => n.ToString(), StringComparer.Ordinal).Take(request.Workers)];
        }

        CheckTaskSize(farm, request);
        var job = $"{Interlocked.Increment(ref _jobs)}-{Guid.NewGuid():N}";
        var wait = prepareTimeout ?? TimeSpan.FromSeconds(10);
        var metrics = system.ActorOf(Props.Create(() => new MetricsActor(TimeSpan.Zero)));
        var version = _version;
        var perNode = WorkersAreNodes ? 1 : 0;
        var supervisor = system.ActorOf(Props.Create(() => new ClusterSupervisorActor(
            farm, request, metrics, "akka.actor.default-dispatcher", nodes, job, version, wait, perNode)));
        using var cancel = cancellationToken.Register(() => supervisor.Tell(CancelJob.Instance, ActorRefs.NoSender));
        try
        {
            var prepared = await supervisor.Ask<JobPrepared>(PrepareJob.Instance, wait + TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            if (prepared.Error is { } error)
                throw new JobFailedException($"{workload.Name}: {error}");
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
                Placement = $"{prepared.Workers} worker actors on {prepared.Nodes.Count} worker node(s)",
            };
        }
        finally
        {
            system.Stop(supervisor);
            system.Stop(metrics);
        }
    }

    /// <summary>
    /// Refuses, before anything starts, a job whose largest task would not fit in one transport frame: serialized
    /// exactly as it would travel (the task with the largest estimate, alone in a batch).
    /// </summary>
    private void CheckTaskSize(ITaskFarmWorkload farm, JobRequest request)
    {
        if (TransportLimits.MaxPayloadBytes(system) is not { } max)
            return;
        var tasks = farm.Split(request.Parameters);
        if (tasks.Count == 0)
            return;
        var largest = tasks.MaxBy(t => farm.EstimateBytes(t.Payload))!;
        var batch = new TaskBatch(0, 0, [largest], [0]);
        var bytes = system.Serialization.FindSerializerFor(batch).ToBinary(batch).LongLength;
        if (bytes > max)
        {
            throw new WorkloadParameterException(
                $"{farm.Name}: task {largest.TaskId} is {TransportLimits.Describe(bytes)} on the wire ({largest.Payload.GetType().Name}), above the " +
                $"{TransportLimits.Describe(max)} one message may carry between nodes (akka.remote.dot-netty.tcp.maximum-frame-size); " +
                "use a smaller size or more tasks, or raise the frame size in the config of every node");
        }
    }
}
