using System.Collections.Immutable;
using Akka.Actor;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// Runs a peer workload (heat): one <see cref="PeerActor"/> per peer on the worker dispatcher (W threads),
/// wired to each other, then assembles their results in peer-id order. A peer that throws is restarted
/// and resumes from its checkpoint (the protocol is described on <see cref="PeerActor"/>); after
/// task-retries failures at the same step the job fails naming the peer and the step. The dispatch
/// mode (pull/push) does not apply to a peer topology and is ignored.
/// </summary>
public sealed class PeerCoordinatorActor : JobActor
{
    private readonly IPeerWorkload _workload;
    private readonly string _dispatcher;
    private readonly Dictionary<int, ImmutableDictionary<int, int>> _failures = [];
    private IReadOnlyList<IActorRef> _peers = [];
    private object[] _results = [];
    private int _finishedPeers;

    public PeerCoordinatorActor(IPeerWorkload workload, JobRequest request, IActorRef metrics, string dispatcher)
        : base(request, metrics)
    {
        (_workload, _dispatcher) = (workload, dispatcher);
        Receive<PeerFinished>(Finished);
        Receive<PeerFailed>(PeerFailed);
        Receive<Terminated>(t => Fail($"{_workload.Name}: peer {t.ActorRef.Path.Name} stopped before finishing"));
    }

    protected override string Progress => $"{_finishedPeers} of {_results.Length} peers were done";

    /// <summary>A failing peer restarts; it reports <see cref="Actors.PeerFailed"/> from PreRestart and waits for <see cref="PeerResume"/>.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Restart, loggingEnabled: false);

    protected override void Begin()
    {
        var peers = _workload.CreatePeers(Request.Parameters);
        _results = new object[peers.Count];
        Emit(new JobStarted(TimeSpan.Zero, _workload.Name, peers.Count, peers.Count));
        var refs = new List<IActorRef>();
        var (workload, faults, interval) = (_workload, Request.Faults, _workload.CheckpointInterval(Request.Parameters)); // locals: see SupervisorActor.Begin
        foreach (var peer in peers)
        {
            var p = peer;
            var actor = Context.ActorOf(Props.Create(() => new PeerActor(p, workload, faults, interval)).WithDispatcher(_dispatcher), $"peer-{p.Id}");
            Context.Watch(actor);
            refs.Add(actor);
        }

        _peers = refs;

        foreach (var (actor, id) in refs.Select((r, i) => (r, i)))
        {
            actor.Tell(new PeerWiring(refs), Self);
            Emit(new TaskDispatched(Clock.Elapsed, id, id));
        }
    }

    private void PeerFailed(PeerFailed f)
    {
        if (IsFinished)
            return;
        Emit(new TaskFailed(Clock.Elapsed, f.PeerId, f.PeerId, f.Error));
        var failures = _failures.GetValueOrDefault(f.PeerId, ImmutableDictionary<int, int>.Empty);
        var count = failures.GetValueOrDefault(f.Step) + 1;
        if (count > Request.TaskRetries)
        {
            Fail($"{_workload.Name}: peer {f.PeerId} failed at step {f.Step} {count} times (task-retries = {Request.TaskRetries}); last error: {f.Error}");
            return;
        }

        _failures[f.PeerId] = failures = failures.SetItem(f.Step, count);
        Sender.Tell(new PeerResume(_peers, f.Point, failures), Self);
    }

    private void Finished(PeerFinished f)
    {
        if (IsFinished || _results[f.PeerId] is not null)
            return;
        Context.Unwatch(Sender);
        _results[f.PeerId] = f.Result;
        _finishedPeers++;
        Emit(new MessageSent(Clock.Elapsed, f.Bytes, f.Messages));
        Emit(new TaskCompleted(Clock.Elapsed, f.PeerId, f.PeerId, f.Busy));
        if (_finishedPeers < _results.Length)
            return;
        Complete(_workload.Assemble(Request.Parameters, _results));
    }
}
