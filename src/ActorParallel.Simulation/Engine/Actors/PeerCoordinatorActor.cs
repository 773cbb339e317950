using System.Diagnostics;
using ActorParallel.Actor;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// Runs a peer workload (heat): one <see cref="PeerActor"/> per peer on the worker dispatcher (W threads),
/// wired to each other, then assembles their results in peer-id order. A peer that throws fails the
/// job: its state cannot be rebuilt without replaying every step.
/// </summary>
public sealed class PeerCoordinatorActor : ReceiveActor
{
    private readonly IPeerWorkload _workload;
    private readonly JobRequest _request;
    private readonly IActorRef _metrics;
    private readonly string _dispatcher;
    private readonly Stopwatch _clock = new();
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
        Receive<Terminated>(t => Fail($"{_workload.Name}: peer {t.ActorRef.Path.Name} stopped before finishing (it threw)"));
        Receive<CancelJob>(_ =>
        {
            _cancelled = true;
            Fail("the job was cancelled");
        });
        Receive<JobTimedOut>(_ => Fail($"the job timed out after {_request.Timeout} (job-timeout); {_finishedPeers} of {_results.Length} peers were done"));
    }

    /// <summary>A failing peer stops (it cannot resume mid-computation); the coordinator hears of it through Terminated.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop, loggingEnabled: false);

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
            var actor = Context.ActorOf(Props.Create(() => new PeerActor(p, _workload)).WithDispatcher(_dispatcher), $"peer-{p.Id}");
            Context.Watch(actor);
            refs.Add(actor);
        }

        foreach (var (actor, id) in refs.Select((r, i) => (r, i)))
        {
            actor.Tell(new PeerWiring(refs), Self);
            _metrics.Tell(new TaskDispatched(_clock.Elapsed, id, id), Self);
        }
    }

    private void Finished(PeerFinished f)
    {
        if (_finished)
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
