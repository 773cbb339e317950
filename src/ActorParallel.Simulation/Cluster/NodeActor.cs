using Akka.Actor;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Cluster;

/// <summary>
/// A worker node's host for the drivers' jobs: on <see cref="ProvideWorkers"/> it makes W <see cref="WorkerActor"/>s
/// for the job (under a child per job, which restarts a worker that throws) and answers with their refs, and on
/// <see cref="ProvideReducers"/> that job's shuffle reducers beside them; on <see cref="ProvidePeers"/> it hosts peers
/// of a peer job (<see cref="ClusterPeerHostActor"/>). It stops a job's actors on <see cref="ReleaseWorkers"/>, or
/// when the driver's supervisor is gone (the driver died or left), so the node drops that job's work and stays up for
/// the next one.
/// </summary>
public sealed class NodeActor : ReceiveActor
{
    private readonly Dictionary<string, IActorRef> _jobs = [];
    private readonly Dictionary<IActorRef, string> _drivers = [];

    /// <param name="registry">The workloads the node runs.</param>
    /// <param name="workers">Worker actors per job.</param>
    /// <param name="workerDispatcher">The dispatcher (its threads) the workers run on.</param>
    /// <param name="letters">The node's count of undelivered messages, reported by <see cref="GetNodeVitals"/>.</param>
    public NodeActor(WorkloadRegistry registry, int workers, string workerDispatcher, DeadLetterTally letters)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var version = LabVersion.Of(registry);
        var node = Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString();
        string? Refusal(string workload, string driverVersion, string kind, Func<IWorkload, bool> fits) =>
            driverVersion != version ? $"node {node} runs {version}, the driver {driverVersion}"
            : !registry.TryGet(workload, out var w) || !fits(w) ? $"node {node} has no {kind} workload '{workload}'"
            : null;

        Receive<ProvideWorkers>(p =>
        {
            if (Refusal(p.Workload, p.Version, "task-farm", w => w is ITaskFarmWorkload) is { } why)
            {
                Sender.Tell(new WorkersRefused(p.JobId, node, why));
                return;
            }

            if (_jobs.ContainsKey(p.JobId))
                return;
            var (farm, faults) = ((ITaskFarmWorkload)registry.Get(p.Workload), p.Faults);
            var count = p.MaxWorkers > 0 ? Math.Min(p.MaxWorkers, workers) : workers;
            Open(p.JobId, Props.Create(() => new NodeJobActor(farm, faults, count, workerDispatcher))).Forward(p);
        });
        Receive<ProvideReducers>(p =>
        {
            if (_jobs.TryGetValue(p.JobId, out var job))
                job.Forward(p);
            else
                Sender.Tell(new WorkersRefused(p.JobId, node, $"node {node} has no workers for job {p.JobId} (released, or its driver is gone)"));
        });
        Receive<ProvidePeers>(p =>
        {
            if (Refusal(p.Workload, p.Version, "peer", w => w is IPeerWorkload) is { } why)
            {
                Sender.Tell(new WorkersRefused(p.JobId, node, why));
                return;
            }

            if (_jobs.ContainsKey(p.JobId))
                return;
            var peers = (IPeerWorkload)registry.Get(p.Workload);
            Open(p.JobId, Props.Create(() => new ClusterPeerHostActor(peers, workerDispatcher))).Forward(p);
        });
        Receive<ReleaseWorkers>(r => Release(r.JobId));
        Receive<GetNodeStatus>(_ => Sender.Tell(new NodeStatus(node, version, workers, [.. _jobs.Keys])));
        Receive<GetNodeVitals>(_ => Sender.Tell(NodeVitals.Measure(node, letters, _jobs.Count)));
        Receive<Terminated>(t =>
        {
            if (_drivers.Remove(t.ActorRef, out var jobId))
                Release(jobId);
        });
    }

    /// <summary>A job child that fails to start is stopped, not restarted; its driver hears nothing and fails the job by its own timeout.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop, loggingEnabled: false);

    /// <summary>Makes the job's child and watches the driver's actor that asked (the sender), to drop the job if it goes.</summary>
    private IActorRef Open(string jobId, Props props)
    {
        var job = Context.ActorOf(props, "job-" + jobId);
        _jobs[jobId] = job;
        _drivers[Sender] = jobId;
        Context.Watch(Sender);
        return job;
    }

    private void Release(string jobId)
    {
        if (_jobs.Remove(jobId, out var job))
            Context.Stop(job);
    }
}

/// <summary>
/// One job's workers on a node, and its shuffle's reducers if the driver asks for them: makes them, answers the driver,
/// restarts a worker that throws.
/// </summary>
public sealed class NodeJobActor : ReceiveActor
{
    public NodeJobActor(ITaskFarmWorkload workload, FaultInjection? faults, int workers, string workerDispatcher)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var maxBytes = TransportLimits.MaxPayloadBytes(Context.System);
        var props = Props.Create(() => new WorkerActor(workload, faults, maxBytes)).WithDispatcher(workerDispatcher);
        var refs = new IActorRef[workers];
        for (var i = 0; i < workers; i++)
            refs[i] = Context.ActorOf(props, $"worker-{i}");

        var node = Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString();
        Receive<ProvideWorkers>(p => Sender.Tell(new WorkersProvided(p.JobId, node, refs)));
        Receive<ProvideReducers>(p =>
        {
            if (workload is not IShuffleWorkload shuffle)
            {
                Sender.Tell(new WorkersRefused(p.JobId, node, $"node {node}: {workload.Name} has no shuffle, so no reducers"));
                return;
            }

            var reducer = Props.Create(() => new ReducerActor(shuffle)).WithDispatcher(workerDispatcher);
            var reducers = new IActorRef[p.Reducers.Length];
            for (var i = 0; i < reducers.Length; i++)
            {
                // Asked twice (a retried request): the same reducers again.
                var name = $"reducer-{p.Reducers[i]}";
                var made = Context.Child(name);
                reducers[i] = made.IsNobody() ? Context.ActorOf(reducer, name) : made;
            }

            Sender.Tell(new ReducersProvided(p.JobId, node, p.Reducers, reducers));
        });
    }

    /// <summary>A worker that throws is restarted; it has told the driver which batch failed, and the driver retries it.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Restart, loggingEnabled: false);
}
