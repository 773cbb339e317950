using System.Collections.Immutable;
using Akka.Actor;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Cluster;

/// <summary>
/// One peer job's peers on a worker node (a block of heat's strips): on <see cref="ProvidePeers"/> it makes their
/// <see cref="PeerActor"/>s on the worker dispatcher and answers with their refs; on <see cref="WirePeers"/> it hands
/// them every peer's ref, local or on another node, so halos between two nodes' blocks go straight from strip to strip.
/// It stands in for the local coordinator towards its peers: a peer that throws is restarted and resumed here, from
/// its checkpoint, without its state crossing the network (the driver hears <see cref="PeerFaulted"/>); a finished
/// peer's result goes to the driver in pieces that fit the transport's frame (<see cref="PeerResultChunk"/>, then
/// <see cref="PeerDone"/>).
/// </summary>
public sealed class ClusterPeerHostActor : ReceiveActor
{
    /// <summary>
    /// The largest result piece, and at most half a frame (<see cref="TransportLimits"/>). Smaller than the frame allows on
    /// purpose: Akka.Remote moved a heat result of 5 MB in 64 KB pieces faster than in 1 MB ones (2 runs each, loaded machine).
    /// </summary>
    private const int MaxChunkBytes = 64_000;

    private readonly IPeerWorkload _workload;
    private readonly string _dispatcher;
    private readonly string _node;
    private readonly int _chunkBytes;
    private readonly Dictionary<int, ImmutableDictionary<int, int>> _failures = [];
    private IActorRef[]? _own;
    private PeersProvided? _provided;
    private IActorRef _driver = ActorRefs.Nobody;
    private IActorRef[] _wiring = [];
    private int _retries;

    public ClusterPeerHostActor(IPeerWorkload workload, string dispatcher)
    {
        ArgumentNullException.ThrowIfNull(workload);
        (_workload, _dispatcher) = (workload, dispatcher);
        _node = Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString();
        _chunkBytes = (int)Math.Clamp((TransportLimits.MaxPayloadBytes(Context.System) ?? MaxChunkBytes) / 2, 1024, MaxChunkBytes);
        Receive<ProvidePeers>(Provide);
        Receive<WirePeers>(w =>
        {
            _wiring = w.Peers;
            foreach (var peer in _own ?? [])
                peer.Tell(new PeerWiring(w.Peers), Self);
        });
        Receive<PeerFinished>(Finished);
        Receive<PeerFailed>(Failed);
    }

    /// <summary>A peer that throws restarts; it reports <see cref="PeerFailed"/> from PreRestart and waits for <see cref="PeerResume"/>.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Restart, loggingEnabled: false);

    private void Provide(ProvidePeers p)
    {
        if (_provided is not null)
        {
            Sender.Tell(_provided);
            return;
        }

        IReadOnlyList<IPeer> all;
        try
        {
            all = _workload.CreatePeers(p.Parameters);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Sender.Tell(new WorkersRefused(p.JobId, _node, $"node {_node}: {_workload.Name}: making its peers failed: {e.Message}"));
            return;
        }

        if (p.First < 0 || p.Count < 1 || p.First + p.Count > all.Count)
        {
            Sender.Tell(new WorkersRefused(p.JobId, _node, $"node {_node}: {_workload.Name} has {all.Count} peers, not {p.First} to {p.First + p.Count - 1}"));
            return;
        }

        (_driver, _retries) = (Sender, p.TaskRetries);
        var (workload, faults, interval) = (_workload, p.Faults, _workload.CheckpointInterval(p.Parameters)); // locals: see SupervisorActor.Begin
        _own = new IActorRef[p.Count];
        for (var i = 0; i < p.Count; i++)
        {
            var peer = all[p.First + i];
            _own[i] = Context.ActorOf(Props.Create(() => new PeerActor(peer, workload, faults, interval)).WithDispatcher(_dispatcher), $"peer-{peer.Id}");
        }

        _provided = new PeersProvided(p.JobId, _node, p.First, _own);
        Sender.Tell(_provided);
    }

    /// <summary>Sends the result as the lab serializer writes it, in pieces no larger than half a frame, then <see cref="PeerDone"/>.</summary>
    private void Finished(PeerFinished f)
    {
        byte[] bytes;
        Akka.Serialization.Serializer serializer;
        string manifest;
        try
        {
            serializer = Context.System.Serialization.FindSerializerFor(f.Result);
            manifest = Akka.Serialization.Serialization.ManifestFor(serializer, f.Result);
            bytes = serializer.ToBinary(f.Result);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _driver.Tell(new PeerFaulted(f.PeerId, 0, $"node {_node}: its result ({f.Result.GetType().Name}) cannot travel: {e.Message}", Fatal: true), Self);
            return;
        }

        var chunks = 0;
        for (var offset = 0; offset < bytes.Length; offset += _chunkBytes)
            _driver.Tell(new PeerResultChunk(f.PeerId, chunks++, bytes[offset..Math.Min(bytes.Length, offset + _chunkBytes)]), Self);
        _driver.Tell(new PeerDone(f.PeerId, serializer.Identifier, manifest, chunks, f.Messages, f.Bytes, f.Busy), Self);
    }

    /// <summary>As the local coordinator does: resume from the checkpoint, unless this peer failed at this step more than task-retries times.</summary>
    private void Failed(PeerFailed f)
    {
        var failures = _failures.GetValueOrDefault(f.PeerId, ImmutableDictionary<int, int>.Empty);
        var count = failures.GetValueOrDefault(f.Step) + 1;
        var fatal = count > _retries;
        _driver.Tell(new PeerFaulted(f.PeerId, f.Step, fatal ? $"failed {count} times on node {_node}; last error: {f.Error}" : f.Error, fatal), Self);
        if (fatal)
            return;
        _failures[f.PeerId] = failures = failures.SetItem(f.Step, count);
        Sender.Tell(new PeerResume(_wiring, f.Point, failures), Self);
    }
}
