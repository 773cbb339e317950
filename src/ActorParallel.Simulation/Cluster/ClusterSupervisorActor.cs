using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Serialization;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Cluster;

/// <summary>Engine to cluster supervisor: ask every worker node for workers; the answer is <see cref="JobPrepared"/>.</summary>
public sealed record PrepareJob
{
    public static PrepareJob Instance { get; } = new();
}

/// <summary>Cluster supervisor to engine: the workers are ready (<see cref="Error"/> null), or why not.</summary>
public sealed record JobPrepared(int Workers, IReadOnlyList<string> Nodes, string? Error);

/// <summary>Cluster supervisor to itself: the worker nodes did not all answer in time.</summary>
internal sealed record PrepareTimedOut
{
    public static PrepareTimedOut Instance { get; } = new();
}

/// <summary>
/// A task-farm supervisor whose workers live on worker nodes. Before the job clock starts it asks each node for
/// workers (<see cref="PrepareJob"/>); during the job it follows cluster membership: the workers of a node that
/// becomes unreachable or is removed are lost at once (their batches go to the other nodes; a result they send
/// later still counts once), and a worker node that comes up mid-job is asked for workers and gets work. When the
/// job ends every node is told to release the job's workers.
/// </summary>
public sealed class ClusterSupervisorActor : SupervisorActor
{
    private readonly string _jobId;
    private readonly string _version;
    private readonly ITaskFarmWorkload _workload;
    private readonly HashSet<Address> _nodes;
    private readonly Dictionary<Address, IActorRef[]> _provided = [];
    private readonly TimeSpan _prepareTimeout;
    private readonly int _workersPerNode;
    private readonly IReadOnlyList<WorkTask>? _tasks;
    private IActorRef? _preparer;
    private bool _started;

    public ClusterSupervisorActor(
        ITaskFarmWorkload workload, JobRequest request, IActorRef metrics, string reducerDispatcher,
        IReadOnlyCollection<Address> nodes, string jobId, string version, TimeSpan prepareTimeout, int workersPerNode = 0,
        IReadOnlyList<WorkTask>? tasks = null)
        : base(workload, request, metrics, reducerDispatcher)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        (_workload, _jobId, _version, _prepareTimeout, _workersPerNode, _tasks) = (workload, jobId, version, prepareTimeout, workersPerNode, tasks);
        _nodes = [.. nodes];
        Receive<PrepareJob>(_ => Prepare());
        Receive<PrepareTimedOut>(_ => Prepared($"worker nodes did not answer within {_prepareTimeout}: {string.Join(", ", _nodes.Where(n => !_provided.ContainsKey(n)))}"));
        Receive<WorkersProvided>(Provided);
        Receive<WorkersRefused>(r =>
        {
            if (_preparer is not null)
                Prepared(r.Reason);
        });
        Receive<ClusterEvent.UnreachableMember>(m => Lose(m.Member.Address, "unreachable"));
        Receive<ClusterEvent.MemberRemoved>(m => Lose(m.Member.Address, "removed"));
        Receive<ClusterEvent.MemberUp>(m =>
        {
            if (_started && m.Member.HasRole(NodeRoles.Worker) && _nodes.Add(m.Member.Address))
                Ask(m.Member.Address);
        });
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
        Receive<ClusterEvent.CurrentClusterState>(state =>
        {
            // A node unreachable before this job began sends no UnreachableMember event to it: lose it from the snapshot.
            foreach (var member in state.Unreachable)
                Lose(member.Address, "unreachable");
        });
    }

    protected override void PreStart()
    {
        base.PreStart();
        NodeRoles.FollowMembers(Context);
    }

    protected override void PostStop()
    {
        NodeRoles.Unfollow(Context);
        Release();
        base.PostStop();
    }

    protected override void OnEnded()
    {
        Release();
        base.OnEnded();
    }

    /// <summary>The split the engine already made (and checked against the frame size), if it was handed one.</summary>
    protected override IReadOnlyList<WorkTask> Split() => _tasks ?? base.Split();

    protected override void Begin()
    {
        if (_nodes.Count == 0 || _nodes.All(n => !_provided.ContainsKey(n)))
        {
            Fail($"{_workload.Name}: every worker node was lost before the job started");
            return;
        }

        _started = true;
        WireTraffic.Get(Context.System).Reset();
        base.Begin();
    }

    /// <summary>A row per worker node for the report: which workers it had, and the bytes our serializer wrote to it and read from it.</summary>
    protected override void BeforeEnd()
    {
        base.BeforeEnd();
        var traffic = WireTraffic.Get(Context.System).Snapshot();
        var nodes = Workers.Select((w, id) => (Node: w.Path.Address, Id: id))
            .GroupBy(w => w.Node)
            .OrderBy(g => g.Key.ToString(), StringComparer.Ordinal)
            .Select(g =>
            {
                var ids = g.Select(w => w.Id).ToArray();
                return new NodeTraffic(g.Key.ToString(), ids, ids.Sum(i => traffic.GetValueOrDefault(i).Out), ids.Sum(i => traffic.GetValueOrDefault(i).In));
            });
        Emit(new NodeSummary(Clock.Elapsed, [.. nodes]));
    }

    private void Prepare()
    {
        _preparer = Sender;
        if (_nodes.Count == 0)
        {
            Prepared("no worker node is up");
            return;
        }

        foreach (var node in _nodes)
            Ask(node);
        Timers.StartSingleTimer(PrepareTimedOut.Instance, PrepareTimedOut.Instance, _prepareTimeout);
    }

    private void Ask(Address node) =>
        Context.ActorSelection(NodeRoles.NodeActorPath(node))
            .Tell(new ProvideWorkers(_jobId, _workload.Name, _version, Request.Faults, _workersPerNode), Self);

    private void Provided(WorkersProvided p)
    {
        if (p.JobId != _jobId || p.Workers.Length == 0)
            return;
        var node = p.Workers[0].Path.Address;
        if (!_provided.TryAdd(node, p.Workers))
            return;
        if (_started)
        {
            AddWorkers(p.Workers);
            return;
        }

        if (_preparer is not null && _nodes.All(_provided.ContainsKey))
        {
            UseWorkers([.. _nodes.SelectMany(n => _provided[n])]);
            Prepared(null);
        }
    }

    private void Prepared(string? error)
    {
        if (_preparer is null)
            return;
        Timers.Cancel(PrepareTimedOut.Instance);
        _preparer.Tell(new JobPrepared(_provided.Values.Sum(w => w.Length), [.. _provided.Keys.Select(a => a.ToString())], error));
        _preparer = null;
    }

    private void Lose(Address node, string how)
    {
        if (!_nodes.Contains(node))
            return;
        if (!_started)
        {
            // Lost while preparing: go without it if the others answered.
            _nodes.Remove(node);
            _provided.Remove(node);
            if (_preparer is not null && _nodes.Count > 0 && _nodes.All(_provided.ContainsKey))
            {
                UseWorkers([.. _nodes.SelectMany(n => _provided[n])]);
                Prepared(null);
            }
            else if (_preparer is not null && _nodes.Count == 0)
            {
                Prepared($"every worker node was lost ({node} {how})");
            }
            else if (_preparer is null)
            {
                // Lost after the workers were prepared, before the clock started: the job begins without its workers.
                UseWorkers([.. _nodes.SelectMany(n => _provided.GetValueOrDefault(n) ?? [])]);
            }

            return;
        }

        var before = Ledger?.Reissued ?? 0;
        LoseWorkers(w => w.Path.Address == node, $"node {node} is {how}");
        _nodes.Remove(node);
        Akka.Event.Logging.GetLogger(Context.System, "lab").Warning(
            "node {0} is {1}: its workers are lost, {2} tasks re-issued to the other nodes", node, how, (Ledger?.Reissued ?? 0) - before);
    }

    private void Release()
    {
        foreach (var node in _nodes)
            Context.ActorSelection(NodeRoles.NodeActorPath(node)).Tell(new ReleaseWorkers(_jobId), Self);
    }
}
