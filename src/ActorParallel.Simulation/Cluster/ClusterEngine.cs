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

    /// <summary>
    /// Read a request's worker count W as a number of worker nodes: the job runs on the first W worker nodes (by address),
    /// one worker actor on each, so W counts both. This is how <c>sweep --cluster --nodes 1,2</c> makes nodes its scaling axis.
    /// </summary>
    public bool WorkersAreNodes { get; init; }

    /// <summary>
    /// Before a job's clock starts, run a small job of the same workload on the same nodes, twice with the driver's JIT
    /// at rest between and after (see <see cref="Quiesce"/>), as the local engine warms its path up for the lab's timed
    /// runs: a fresh driver and fresh nodes otherwise compile the supervisor's and the workers' message paths, the
    /// serializer's and the workload's code during the job, on the job's cores. Off by default (tests); the lab's
    /// <c>run</c> and <c>sweep</c> turn it on.
    /// </summary>
    public bool WarmUp { get; init; }

    public async Task<EngineRun> RunAsync(IWorkload workload, JobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(request);
        if (workload is not (ITaskFarmWorkload or IPeerWorkload))
            throw new JobFailedException($"{workload.Name}: topology {workload.Topology} does not run on a cluster");
        var nodes = Nodes(workload, request);
        var tasks = workload is ITaskFarmWorkload checkedFarm ? CheckTaskSize(checkedFarm, request) : null;
        if (workload is IPeerWorkload peers)
            ClusterPeerCoordinatorActor.CheckMessageSize(system, peers, request);
        if (WarmUp && WarmUpRequest(workload, request) is { } warmUp)
        {
            for (var round = 0; round < 2; round++)
            {
                try
                {
                    await RunOnceAsync(workload, warmUp, nodes, null, isWarmUp: true, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is JobFailedException or WorkloadParameterException or AskTimeoutException or ClusterUnavailableException)
                {
                    // Only a warm-up: the job runs anyway, and says what is wrong if it is wrong for the job too.
                    Akka.Event.Logging.GetLogger(system, "lab").Debug("warm-up job of {0} failed: {1}", workload.Name, e.Message);
                }

                await Quiesce.BeforeTimedRunAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        // The nodes again: one may have been lost (or joined) during the warm-ups.
        if (WarmUp)
            nodes = Nodes(workload, request);
        return await RunOnceAsync(workload, request, nodes, tasks, isWarmUp: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The worker nodes the job runs on: every one up and reachable, or the first W with <see cref="WorkersAreNodes"/>.</summary>
    private IReadOnlyList<Address> Nodes(IWorkload workload, JobRequest request)
    {
        var nodes = LabCluster.WorkerNodes(system);
        if (nodes.Count == 0)
            throw new JobFailedException($"{workload.Name}: no worker node is up in the cluster");
        if (!WorkersAreNodes)
            return nodes;
        if (nodes.Count < request.Workers)
            throw new ClusterUnavailableException($"{workload.Name}: the point with {request.Workers} worker nodes needs {request.Workers}, but {nodes.Count} are up");
        return [.. nodes.OrderBy(n => n.ToString(), StringComparer.Ordinal).Take(request.Workers)];
    }

    /// <summary>The warm-up job for <see cref="WarmUp"/> (<see cref="WarmUpJob"/>); null if the workload has no valid small job.</summary>
    public static JobRequest? WarmUpRequest(IWorkload workload, JobRequest request)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(request);
        return WarmUpJob.Parameters(workload, request.Parameters, request.Workers) is { } parameters
            ? request with { Parameters = parameters, MeasureTpl = false, MeasureSerial = false, Speculation = null, Faults = null, Timeout = TimeSpan.FromSeconds(30) }
            : null;
    }

    private async Task<EngineRun> RunOnceAsync(IWorkload workload, JobRequest request, IReadOnlyList<Address> nodes, IReadOnlyList<WorkTask>? tasks, bool isWarmUp, CancellationToken cancellationToken)
    {
        var job = $"{Interlocked.Increment(ref _jobs)}-{Guid.NewGuid():N}";
        var wait = prepareTimeout ?? TimeSpan.FromSeconds(10);
        var metrics = system.ActorOf(Props.Create(() => new MetricsActor(TimeSpan.Zero)));
        var version = _version;
        var perNode = WorkersAreNodes ? 1 : 0;
        var supervisor = system.ActorOf(workload is ITaskFarmWorkload farm
            ? Props.Create(() => new ClusterSupervisorActor(farm, request, metrics, "akka.actor.default-dispatcher", nodes, job, version, wait, perNode, tasks))
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
            var log = Akka.Event.Logging.GetLogger(system, "lab");
            if (isWarmUp)
                log.Debug("job {0}: warm-up of {1} on {2} workers", job, workload.Name, prepared.Workers);
            else
                log.Info("job {0}: {1} workers on {2} nodes, clock started", job, prepared.Workers, prepared.Nodes.Count);
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

    /// <summary>
    /// Refuses, before anything starts, a job whose largest task would not fit in one transport frame: serialized
    /// exactly as it would travel (the task with the largest estimate, alone in a batch). Returns the split, which the
    /// supervisor then uses rather than splitting again.
    /// </summary>
    private IReadOnlyList<WorkTask> CheckTaskSize(ITaskFarmWorkload farm, JobRequest request)
    {
        var tasks = farm.Split(request.Parameters);
        if (TransportLimits.MaxPayloadBytes(system) is not { } max || tasks.Count == 0)
            return tasks;
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

        return tasks;
    }
}
