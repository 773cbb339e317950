using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Cluster;

/// <summary>
/// Runs a peer workload (heat) with its peers on the worker nodes. Before the job clock starts
/// (<see cref="PrepareJob"/>) it cuts the peers into one contiguous block per node (so that only the halos at the
/// blocks' edges cross the network) and asks each node to make its block (<see cref="ProvidePeers"/>); when the clock
/// starts it sends every node the wiring (<see cref="WirePeers"/>), and the peers run as they do locally, messaging each
/// other directly. It assembles the results in peer-id order as they arrive in pieces (<see cref="PeerResultChunk"/>).
/// A peer's state lives only on its node, and the peers step in lockstep with their neighbours: when a node that holds
/// unfinished peers becomes unreachable or is removed, the others cannot go on. The job then restarts from the beginning
/// on the nodes left (every peer made again from the parameters, in blocks over those nodes, under a new job id so that
/// nothing of the first attempt is mistaken for the second), at most task-retries times; beyond that, or with no node
/// left, it fails at once, naming the node.
/// </summary>
public sealed class ClusterPeerCoordinatorActor : JobActor
{
    private readonly IPeerWorkload _workload;
    private readonly string _jobId;
    private readonly string _version;
    private readonly TimeSpan _prepareTimeout;
    private readonly IReadOnlyList<Address> _nodes;
    private readonly Dictionary<Address, Range64> _blocks = [];
    private readonly Dictionary<Address, PeersProvided> _provided = [];
    private readonly Dictionary<Address, IActorRef> _hosts = [];
    private readonly Dictionary<int, List<byte[]>> _chunks = [];
    private readonly Dictionary<Address, (long Out, long In)> _traffic = [];
    private readonly HashSet<int> _reported = [];
    private IActorRef? _preparer;
    private object[] _results = [];
    private int _finished;
    private bool _started;
    private string? _lostBeforeStart;
    private int _attempt;
    private int _rerun;

    public ClusterPeerCoordinatorActor(
        IPeerWorkload workload, JobRequest request, IActorRef metrics, IReadOnlyList<Address> nodes, string jobId, string version, TimeSpan prepareTimeout)
        : base(request, metrics)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        (_workload, _jobId, _version, _prepareTimeout) = (workload, jobId, version, prepareTimeout);
        _nodes = [.. nodes.OrderBy(n => n.ToString(), StringComparer.Ordinal)];
        Receive<PrepareJob>(_ => Prepare());
        Receive<PrepareTimedOut>(_ => NotPlaced($"worker nodes did not answer within {_prepareTimeout}: {string.Join(", ", _blocks.Keys.Where(n => !_provided.ContainsKey(n)))}"));
        Receive<PeersProvided>(Provided);
        Receive<WorkersRefused>(r =>
        {
            if (r.JobId == CurrentJobId)
                NotPlaced(r.Reason);
        });
        Receive<PeerResultChunk>(c =>
        {
            if (!FromCurrentHost())
                return;
            if (!_chunks.TryGetValue(c.PeerId, out var list))
                _chunks[c.PeerId] = list = [];
            list.Add(c.Bytes);
            Count(Sender.Path.Address, 0, c.Bytes.Length);
        });
        Receive<PeerDone>(Done);
        Receive<PeerFaulted>(f =>
        {
            if (IsFinished || !FromCurrentHost())
                return;
            Emit(new TaskFailed(Clock.Elapsed, f.PeerId, f.PeerId, f.Error));
            if (f.Fatal)
                Fail($"{_workload.Name}: peer {f.PeerId} failed at step {f.Step} (task-retries = {Request.TaskRetries}): {f.Error}");
        });
        Receive<ClusterEvent.UnreachableMember>(m => Lose(m.Member.Address, "unreachable"));
        Receive<ClusterEvent.MemberRemoved>(m => Lose(m.Member.Address, "removed"));
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
    }

    /// <summary>
    /// Refuses, before anything starts, a peer job whose messages would not fit in one transport frame: peer 0's first
    /// messages (for heat, its halo rows: every halo has the same size), serialized exactly as they would travel.
    /// </summary>
    public static void CheckMessageSize(ActorSystem system, IPeerWorkload workload, JobRequest request)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(request);
        if (TransportLimits.MaxPayloadBytes(system) is not { } max || workload.CreatePeers(request.Parameters) is not { Count: > 1 } peers)
            return;
        foreach (var message in peers[0].Start())
        {
            var bytes = system.Serialization.FindSerializerFor(message).ToBinary(message).LongLength;
            if (bytes > max)
            {
                throw new WorkloadParameterException(
                    $"{workload.Name}: a {message.GetType().Name} between peers is {TransportLimits.Describe(bytes)} on the wire, above the " +
                    $"{TransportLimits.Describe(max)} one message may carry between nodes (akka.remote.dot-netty.tcp.maximum-frame-size); " +
                    "use a smaller size, or raise the frame size in the config of every node");
            }
        }
    }

    protected override string Progress => $"{_finished} of {_results.Length} peers were done" + (_attempt > 0 ? $" in attempt {_attempt + 1}" : "");

    /// <summary>The job id the nodes know this attempt by.</summary>
    private string CurrentJobId => _attempt == 0 ? _jobId : $"{_jobId}-r{_attempt}";

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

    protected override void OnEnded() => Release();

    private void Prepare()
    {
        _preparer = Sender;
        int peers;
        try
        {
            peers = _workload.CreatePeers(Request.Parameters).Count;
        }
        catch (Exception e) when (e is WorkloadParameterException or InvalidOperationException or ArgumentException)
        {
            Prepared($"making its peers failed: {e.Message}");
            return;
        }

        if (_nodes.Count == 0 || peers == 0)
        {
            Prepared(_nodes.Count == 0 ? "no worker node is up" : "it has no peers");
            return;
        }

        _results = new object[peers];
        Place(_nodes.Take(Math.Min(_nodes.Count, peers)).ToArray());
    }

    /// <summary>
    /// Asks <paramref name="nodes"/> for one contiguous block of peers each: peer i talks to i - 1 and i + 1, so only the
    /// blocks' edges talk across nodes.
    /// </summary>
    private void Place(IReadOnlyList<Address> nodes)
    {
        foreach (var (node, block) in nodes.Zip(Range64.Split(_results.Length, nodes.Count)))
        {
            _blocks[node] = block;
            Context.ActorSelection(NodeRoles.NodeActorPath(node)).Tell(
                new ProvidePeers(CurrentJobId, _workload.Name, _version, Request.Parameters, (int)block.Start, (int)block.Length, Request.TaskRetries, Request.Faults), Self);
        }

        Timers.StartSingleTimer(PrepareTimedOut.Instance, PrepareTimedOut.Instance, _prepareTimeout);
    }

    /// <summary>Placing the peers failed: before the job, the engine hears why; during a restart, the job fails.</summary>
    private void NotPlaced(string error)
    {
        if (_started)
            Fail($"{_workload.Name}: restarting on the nodes left failed: {error}");
        else
            Prepared(error);
    }

    /// <summary>Whether the sender hosts peers of this attempt (a released host of an earlier one may still be sending).</summary>
    private bool FromCurrentHost() => _hosts.TryGetValue(Sender.Path.Address, out var host) && host.Equals(Sender);

    private void Provided(PeersProvided p)
    {
        var node = Sender.Path.Address;
        if (p.JobId != CurrentJobId || !_blocks.ContainsKey(node) || !_provided.TryAdd(node, p))
            return;
        _hosts[node] = Sender;
        if (!_blocks.Keys.All(_provided.ContainsKey))
            return;
        Timers.Cancel(PrepareTimedOut.Instance);
        if (_started)
            Wire();
        else
            Prepared(null);
    }

    private void Prepared(string? error)
    {
        if (_preparer is null)
            return;
        Timers.Cancel(PrepareTimedOut.Instance);
        _preparer.Tell(new JobPrepared(_results.Length, [.. _provided.Keys.Select(a => a.ToString())], error));
        _preparer = null;
    }

    protected override void Begin()
    {
        _started = true;
        if (_lostBeforeStart is { } lost)
        {
            Fail($"{_workload.Name}: {lost}");
            return;
        }

        Emit(new JobStarted(TimeSpan.Zero, _workload.Name, _results.Length, _results.Length));
        Wire();
    }

    /// <summary>Sends every host the refs of every peer; the peers start once wired.</summary>
    private void Wire()
    {
        var all = new IActorRef[_results.Length];
        foreach (var p in _provided.Values)
            p.Peers.CopyTo(all, p.First);
        var wiring = new WirePeers(_jobId, all);
        var wiringBytes = Context.System.Serialization.FindSerializerFor(wiring).ToBinary(wiring).Length;
        foreach (var (node, host) in _hosts)
        {
            host.Tell(wiring, Self);
            Count(node, wiringBytes, 0);
        }
        for (var id = 0; id < all.Length; id++)
        {
            if (!_reported.Contains(id))
                Emit(new TaskDispatched(Clock.Elapsed, id, id));
        }
    }

    /// <summary>
    /// A row per worker node for the report: its peers (as its workers), the bytes the driver sent it (the wiring) and the
    /// result bytes it sent back. Halos between two nodes' blocks go from node to node and are not in these rows.
    /// </summary>
    protected override void BeforeEnd()
    {
        if (_rerun > 0)
            Emit(new LedgerSummary(Clock.Elapsed, _rerun, 0));
        var nodes = _blocks.OrderBy(b => b.Key.ToString(), StringComparer.Ordinal).Select(b => new NodeTraffic(
            b.Key.ToString(),
            [.. Enumerable.Range((int)b.Value.Start, (int)b.Value.Length)],
            _traffic.GetValueOrDefault(b.Key).Out,
            _traffic.GetValueOrDefault(b.Key).In));
        Emit(new NodeSummary(Clock.Elapsed, [.. nodes]));
    }

    private void Count(Address node, long sent, long received)
    {
        var (o, i) = _traffic.GetValueOrDefault(node);
        _traffic[node] = (o + sent, i + received);
    }

    private void Done(PeerDone d)
    {
        if (IsFinished || !FromCurrentHost() || (uint)d.PeerId >= (uint)_results.Length || _results[d.PeerId] is not null)
            return;
        object result;
        try
        {
            var pieces = _chunks.Remove(d.PeerId, out var list) ? list : [];
            if (pieces.Count != d.Chunks)
                throw new InvalidOperationException($"{pieces.Count} of its {d.Chunks} pieces arrived");
            result = Context.System.Serialization.Deserialize([.. pieces.SelectMany(b => b)], d.SerializerId, d.Manifest);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fail($"{_workload.Name}: the result of peer {d.PeerId} from {Sender.Path.Address} could not be read: {e.Message}");
            return;
        }

        _results[d.PeerId] = result;
        _finished++;
        if (_reported.Add(d.PeerId))
        {
            // Once per peer: a peer that finished before a restart finishes again, and counts once.
            Emit(new MessageSent(Clock.Elapsed, d.Bytes, d.Messages));
            Emit(new TaskCompleted(Clock.Elapsed, d.PeerId, d.PeerId, d.Busy));
        }

        if (_finished < _results.Length)
            return;
        object answer;
        try
        {
            answer = _workload.Assemble(Request.Parameters, _results);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fail($"{_workload.Name}: assembling the answer failed: {e.GetType().Name}: {e.Message}");
            return;
        }

        Complete(answer);
    }

    private void Lose(Address node, string how)
    {
        if (!_blocks.TryGetValue(node, out var block) || IsFinished)
            return;
        if (!_started)
        {
            // Between the engine's two asks (prepared, not yet started) nobody waits for an answer: fail at the start.
            _lostBeforeStart = $"node {node} is {how} before the job started";
            Prepared(_lostBeforeStart);
            return;
        }

        var unfinished = Enumerable.Range((int)block.Start, (int)block.Length).Where(i => _results[i] is null).ToArray();
        if (unfinished.Length == 0)
            return;
        var left = _blocks.Keys.Where(n => n != node).ToArray();
        if (_attempt >= Request.TaskRetries || left.Length == 0)
        {
            Fail($"{_workload.Name}: node {node} is {how}, and with it peers {block.Start}-{block.End - 1} and their state "
                + $"({unfinished.Length} unfinished; {(left.Length == 0 ? "no node is left" : $"restarted {_attempt} time(s), task-retries = {Request.TaskRetries}")}); {Progress}");
            return;
        }

        foreach (var id in unfinished)
            Emit(new TaskFailed(Clock.Elapsed, id, id, $"node {node} is {how}"));
        Akka.Event.Logging.GetLogger(Context.System, "lab").Warning(
            "node {0} is {1} with peers {2}-{3} unfinished: the job restarts from the beginning on the {4} node(s) left", node, how, block.Start, block.End - 1, left.Length);
        Release();
        _rerun += _results.Length;
        _attempt++;
        (_results, _finished) = (new object[_results.Length], 0);
        _blocks.Clear();
        _provided.Clear();
        _hosts.Clear();
        _chunks.Clear();
        Place(left);
    }

    /// <summary>Every node that hosts peers of this attempt drops its actors (sent again on stop: the message is idempotent).</summary>
    private void Release()
    {
        foreach (var node in _blocks.Keys)
            Context.ActorSelection(NodeRoles.NodeActorPath(node)).Tell(new ReleaseWorkers(CurrentJobId), Self);
    }
}
