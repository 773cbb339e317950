using System.Collections.Immutable;
using System.Diagnostics;
using Akka.Actor;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// Where a failed peer resumes: an immutable <see cref="IPeer.Checkpoint"/>, whether <see cref="IPeer.Start"/>
/// had already run when it was taken, and the messages delivered (or received but not yet delivered) since.
/// </summary>
public sealed record PeerRecoveryPoint(object State, bool Started, ImmutableList<PeerMessage> Since);

/// <summary>Peer to coordinator, from PreRestart: the peer threw at <paramref name="Step"/>; here is where to resume.</summary>
public sealed record PeerFailed(int PeerId, int Step, string Error, PeerRecoveryPoint Point);

/// <summary>
/// Coordinator to a restarted peer actor: the wiring again, where to resume, and how often this peer has
/// already failed at each step (so injected faults do not repeat forever).
/// </summary>
public sealed record PeerResume(IReadOnlyList<IActorRef> Peers, PeerRecoveryPoint Point, ImmutableDictionary<int, int> Failures);

/// <summary>
/// Hosts one <see cref="IPeer"/> (for example a heat strip): delivers its messages, sends what it
/// returns straight to the peers it names, then lets the peer compute ahead (<see cref="IPeer.ComputeAhead"/>)
/// while those messages travel, and reports to its parent once the peer is done. The peer object is owned by
/// this actor alone.
/// </summary>
/// <remarks>
/// Recovery protocol. After <see cref="IPeer.Start"/> and after every message that completes a step that is a
/// multiple of the checkpoint interval (<see cref="IPeerWorkload.CheckpointInterval"/>), the actor keeps an
/// immutable checkpoint of the peer and forgets the messages before it; it logs each message it delivers after
/// the checkpoint. A handler that throws (an injected fault: after computing
/// step s, when s is a multiple of N, see <see cref="FaultInjection"/>; or a real bug) sends nothing
/// of that handler's output. The coordinator's strategy restarts the actor; PreRestart hands the
/// checkpoint and the log (plus messages not yet delivered) to the coordinator in <see cref="PeerFailed"/>.
/// The coordinator counts failures per (peer, step), fails the job naming both beyond task-retries, and
/// otherwise answers <see cref="PeerResume"/>. Halos arriving at the fresh instance before that are kept
/// (the mailbox survives a restart). On resume the actor restores the checkpoint, runs Start if it had not
/// completed, and redelivers the log, then the kept messages: the steps since the checkpoint are redone and
/// their output sent. Messages sent before the failure may be sent again; receivers drop duplicates by (step, source).
/// </remarks>
public sealed class PeerActor : ReceiveActor
{
    private readonly IPeerWorkload _workload;
    private readonly FaultInjection? _faults;
    private readonly int _checkpointInterval;

    // Messages that arrived before the wiring (or, after a restart, before PeerResume); delivered once wired.
    private readonly Queue<PeerMessage> _early = [];
    private readonly List<PeerMessage> _since = [];
    private IPeer _peer;
    private object _checkpoint;
    private bool _started;
    private int _failingStep;
    private ImmutableDictionary<int, int> _failures = ImmutableDictionary<int, int>.Empty;
    private IReadOnlyList<IActorRef>? _peers;
    private TimeSpan _busy;
    private int _messages;
    private long _bytes;
    private bool _reported;

    /// <param name="peer">The peer this actor hosts and alone owns.</param>
    /// <param name="workload">The peer's workload (sizes messages, restores checkpoints).</param>
    /// <param name="faults">Optional fault injection.</param>
    /// <param name="checkpointInterval">Steps between checkpoints (<see cref="IPeerWorkload.CheckpointInterval"/>).</param>
    public PeerActor(IPeer peer, IPeerWorkload workload, FaultInjection? faults = null, int checkpointInterval = 1)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentOutOfRangeException.ThrowIfLessThan(checkpointInterval, 1);
        (_peer, _workload, _faults, _checkpointInterval) = (peer, workload, faults, checkpointInterval);
        _checkpoint = peer.Checkpoint();
        Receive<PeerWiring>(w =>
        {
            _peers = w.Peers;
            Run(_peer.Start, null);
            _started = true;
            SaveCheckpoint();
            DeliverEarly();
        });
        Receive<PeerResume>(r =>
        {
            (_peers, _failures) = (r.Peers, r.Failures);
            (_peer, _checkpoint, _started) = (_workload.Restore(r.Point.State), r.Point.State, r.Point.Started);
            if (!_started)
            {
                Run(_peer.Start, null);
                _started = true;
                SaveCheckpoint();
            }

            // The log goes before the messages kept meanwhile, and through the queue, so that a failure
            // during the replay still hands every message not yet delivered to the next PeerFailed.
            var kept = _early.ToArray();
            _early.Clear();
            foreach (var m in r.Point.Since.Concat(kept))
                _early.Enqueue(m);
            DeliverEarly();
        });
        Receive<PeerMessage>(m =>
        {
            if (_peers is null)
                _early.Enqueue(m);
            else
                Deliver(m);
        });
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var step = _failingStep > 0 ? _failingStep : _peer.CompletedSteps + 1;
        var point = new PeerRecoveryPoint(_checkpoint, _started, [.. _since, .. _early]);
        Context.Parent.Tell(new PeerFailed(_peer.Id, step, reason.Message, point), Self);
        base.PreRestart(reason, message);
    }

    private void DeliverEarly()
    {
        while (_early.TryDequeue(out var m))
            Deliver(m);
    }

    private void Deliver(PeerMessage m)
    {
        _since.Add(m);
        Run(() => _peer.Receive(m), m);
    }

    /// <summary>
    /// Start (message null) or deliver one message: sends what the peer returns, checkpoints when a step that is a
    /// multiple of the interval was completed, then lets the peer compute ahead while its messages travel. The busy
    /// time is the whole of it: a checkpoint is work this actor does.
    /// </summary>
    private void Run(Func<IReadOnlyList<PeerMessage>> action, PeerMessage? message)
    {
        var before = _peer.CompletedSteps;
        var start = Stopwatch.GetTimestamp();
        var outgoing = action();
        for (var step = before + 1; step <= _peer.CompletedSteps; step++)
        {
            if (_faults?.ShouldFail(step, _failures.GetValueOrDefault(step)) == true)
            {
                _failingStep = step;
                throw new InjectedFaultException($"injected fault: peer {_peer.Id} at step {step}, attempt {_failures.GetValueOrDefault(step) + 1}");
            }
        }

        foreach (var m in outgoing)
        {
            _peers![m.To].Tell(m, Self);
            _messages++;
            _bytes += _workload.EstimateBytes(m);
        }

        if (message is not null && !_peer.IsDone && _peer.CompletedSteps / _checkpointInterval > before / _checkpointInterval)
            SaveCheckpoint();
        _peer.ComputeAhead();
        _busy += Stopwatch.GetElapsedTime(start);
        if (_peer.IsDone && !_reported)
        {
            _reported = true;
            Context.Parent.Tell(new PeerFinished(_peer.Id, _peer.Result(), _messages, _bytes, _busy), Self);
        }
    }

    private void SaveCheckpoint()
    {
        _checkpoint = _peer.Checkpoint();
        _since.Clear();
    }
}
