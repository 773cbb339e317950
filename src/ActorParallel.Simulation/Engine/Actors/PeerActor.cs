using System.Diagnostics;
using ActorParallel.Actor;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// Hosts one <see cref="IPeer"/> (for example a heat strip): delivers its messages, sends what it
/// returns straight to the peers it names, and reports to its parent once the peer is done. The peer
/// object is owned by this actor alone.
/// </summary>
public sealed class PeerActor : ReceiveActor
{
    private readonly IPeer _peer;
    private readonly IPeerWorkload _workload;

    // Messages that arrived before the wiring (possible between nodes); replayed once wired.
    private readonly List<PeerMessage> _early = [];
    private IReadOnlyList<IActorRef>? _peers;
    private TimeSpan _busy;
    private int _messages;
    private long _bytes;
    private bool _reported;

    public PeerActor(IPeer peer, IPeerWorkload workload)
    {
        (_peer, _workload) = (peer, workload);
        Receive<PeerWiring>(w =>
        {
            _peers = w.Peers;
            Step(_peer.Start);
            foreach (var m in _early)
                Step(() => _peer.Receive(m));
            _early.Clear();
        });
        Receive<PeerMessage>(m =>
        {
            if (_peers is null)
                _early.Add(m);
            else
                Step(() => _peer.Receive(m));
        });
    }

    private void Step(Func<IReadOnlyList<PeerMessage>> action)
    {
        var start = Stopwatch.GetTimestamp();
        var outgoing = action();
        _busy += Stopwatch.GetElapsedTime(start);
        foreach (var m in outgoing)
        {
            _peers![m.To].Tell(m, Self);
            _messages++;
            _bytes += _workload.EstimateBytes(m);
        }

        if (_peer.IsDone && !_reported)
        {
            _reported = true;
            Context.Parent.Tell(new PeerFinished(_peer.Id, _peer.Result(), _messages, _bytes, _busy), Self);
        }
    }
}
