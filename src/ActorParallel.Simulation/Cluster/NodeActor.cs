using Akka.Actor;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Cluster;

/// <summary>
/// A worker node's host for the drivers' jobs: on <see cref="ProvideWorkers"/> it makes W <see cref="WorkerActor"/>s
/// for the job (under a child per job, which restarts a worker that throws) and answers with their refs; it stops
/// them on <see cref="ReleaseWorkers"/>, or when the driver's supervisor is gone (the driver died or left), so the
/// node drops that job's work and stays up for the next one.
/// </summary>
public sealed class NodeActor : ReceiveActor
{
    private readonly Dictionary<string, IActorRef> _jobs = [];
    private readonly Dictionary<IActorRef, string> _drivers = [];

    public NodeActor(WorkloadRegistry registry, int workers, string workerDispatcher)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var version = LabVersion.Of(registry);
        var node = Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString();
        Receive<ProvideWorkers>(p =>
        {
            if (p.Version != version)
            {
                Sender.Tell(new WorkersRefused(p.JobId, node, $"node {node} runs {version}, the driver {p.Version}"));
                return;
            }

            if (!registry.TryGet(p.Workload, out var w) || w is not ITaskFarmWorkload farm)
            {
                Sender.Tell(new WorkersRefused(p.JobId, node, $"node {node} has no task-farm workload '{p.Workload}'"));
                return;
            }

            if (_jobs.ContainsKey(p.JobId))
                return;
            var faults = p.Faults;
            var count = p.MaxWorkers > 0 ? Math.Min(p.MaxWorkers, workers) : workers;
            var job = Context.ActorOf(Props.Create(() => new NodeJobActor(farm, faults, count, workerDispatcher)), "job-" + p.JobId);
            _jobs[p.JobId] = job;
            _drivers[Sender] = p.JobId;
            Context.Watch(Sender);
            job.Forward(p);
        });
        Receive<ReleaseWorkers>(r => Release(r.JobId));
        Receive<GetNodeStatus>(_ => Sender.Tell(new NodeStatus(node, version, workers, [.. _jobs.Keys])));
        Receive<Terminated>(t =>
        {
            if (_drivers.Remove(t.ActorRef, out var jobId))
                Release(jobId);
        });
    }

    /// <summary>A job child that fails to start is stopped, not restarted; its driver hears nothing and fails the job by its own timeout.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop, loggingEnabled: false);

    private void Release(string jobId)
    {
        if (_jobs.Remove(jobId, out var job))
            Context.Stop(job);
    }
}

/// <summary>One job's workers on a node: makes them, answers the driver, restarts a worker that throws.</summary>
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
    }

    /// <summary>A worker that throws is restarted; it has told the driver which batch failed, and the driver retries it.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Restart, loggingEnabled: false);
}
