using System.Collections.Immutable;
using System.Diagnostics;
using ActorParallel.Actor;
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
public sealed class PeerCoordinatorActor : ReceiveActor
{
    private readonly IPeerWorkload _workload;
    private readonly JobRequest _request;
    private readonly IActorRef _metrics;
    private readonly string _dispatcher;
    private readonly Stopwatch _clock = new();
    private readonly Dictionary<int, ImmutableDictionary<int, int>> _failures = [];
    private IReadOnlyList<IActorRef> _peers = [];
    private object[] _results = [];
    private int _finishedPeers;
    private IActorRef? _client;
    private bool _cancelled;
    private bool _finished;

    public PeerCoordinatorActor(IPeerWorkload workload, JobRequest request, IActorRef metrics, string dispatcher)
    {
        (_workload, _request, _metrics, _dispatcher) = (workload, request, metrics, dispatcher);
        Receive<StartJob>(_ => Start());
        Receive<PeerFinished>(Finished);
        Receive<PeerFailed>(PeerFailed);
        Receive<Terminated>(t => Fail($"{_workload.Name}: peer {t.ActorRef.Path.Name} stopped before finishing"));
        Receive<CancelJob>(_ =>
        {
            _cancelled = true;
            Fail("the job was cancelled");
        });
        Receive<JobTimedOut>(_ => Fail($"the job timed out after {_request.Timeout} (job-timeout); {_finishedPeers} of {_results.Length} peers were done"));
    }

    /// <summary>A failing peer restarts; it reports <see cref="Actors.PeerFailed"/> from PreRestart and waits for <see cref="PeerResume"/>.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Restart, loggingEnabled: false);

    private void Start()
    {
        if (_client is not null)
            return;
        _client = Sender;
        if (_cancelled)
        {
            // Cancelled before it started (the cancel overtook StartJob): answer at once.
            Fail("the job was cancelled");
            return;
        }

        _clock.Start();
        Context.System.Scheduler.ScheduleTellOnce(_request.Timeout, Self, JobTimedOut.Instance, Self);
        var peers = _workload.CreatePeers(_request.Parameters);
        _results = new object[peers.Count];
        _metrics.Tell(new JobStarted(TimeSpan.Zero, _workload.Name, peers.Count, peers.Count), Self);
        var refs = new List<IActorRef>();
        foreach (var peer in peers)
        {
            var p = peer;
            var actor = Context.ActorOf(Props.Create(() => new PeerActor(p, _workload, _request.Faults)).WithDispatcher(_dispatcher), $"peer-{p.Id}");
            Context.Watch(actor);
            refs.Add(actor);
        }

        _peers = refs;

        foreach (var (actor, id) in refs.Select((r, i) => (r, i)))
        {
            actor.Tell(new PeerWiring(refs), Self);
            _metrics.Tell(new TaskDispatched(_clock.Elapsed, id, id), Self);
        }
    }

    private void PeerFailed(PeerFailed f)
    {
        if (_finished)
            return;
        _metrics.Tell(new TaskFailed(_clock.Elapsed, f.PeerId, f.PeerId, f.Error), Self);
        var failures = _failures.GetValueOrDefault(f.PeerId, ImmutableDictionary<int, int>.Empty);
        var count = failures.GetValueOrDefault(f.Step) + 1;
        if (count > _request.TaskRetries)
        {
            Fail($"{_workload.Name}: peer {f.PeerId} failed at step {f.Step} {count} times (task-retries = {_request.TaskRetries}); last error: {f.Error}");
            return;
        }

        _failures[f.PeerId] = failures = failures.SetItem(f.Step, count);
        Sender.Tell(new PeerResume(_peers, f.Point, failures), Self);
    }

    private void Finished(PeerFinished f)
    {
        if (_finished || _results[f.PeerId] is not null)
            return;
        Context.Unwatch(Sender);
        _results[f.PeerId] = f.Result;
        _finishedPeers++;
        _metrics.Tell(new MessageSent(_clock.Elapsed, f.Bytes, f.Messages), Self);
        _metrics.Tell(new TaskCompleted(_clock.Elapsed, f.PeerId, f.PeerId, f.Busy), Self);
        if (_finishedPeers < _results.Length)
            return;
        _finished = true;
        var answer = _workload.Assemble(_request.Parameters, _results);
        _metrics.Tell(new JobFinished(_clock.Elapsed, true), Self);
        _metrics.Tell(new CompleteJob(_client!, answer, null), Self);
    }

    private void Fail(string error)
    {
        if (_finished || _client is null)
            return;
        _finished = true;
        _metrics.Tell(new JobFinished(_clock.Elapsed, false), Self);
        _metrics.Tell(new CompleteJob(_client, null, error), Self);
    }
}
