using System.Diagnostics;
using Akka.Actor;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// The life of one job, shared by the engine's coordinators (<see cref="SupervisorActor"/> for task
/// farms, <see cref="PeerCoordinatorActor"/> for peer topologies): the first <see cref="StartJob"/>
/// names the client, starts the job clock and the <c>job-timeout</c>, then <see cref="Begin"/> runs the
/// job; <see cref="CancelJob"/> and the timeout fail it; it ends exactly once, by <see cref="Complete"/>
/// or <see cref="Fail"/>, and the outcome reaches the client through the metrics actor.
/// </summary>
public abstract class JobActor : ReceiveActor, IWithTimers
{
    private IActorRef? _client;
    private bool _cancelled;

    protected JobActor(JobRequest request, IActorRef metrics)
    {
        (Request, Metrics) = (request, metrics);
        Receive<StartJob>(_ => Start());
        Receive<CancelJob>(_ =>
        {
            _cancelled = true;
            Fail("the job was cancelled");
        });
        Receive<JobTimedOut>(_ => Fail($"the job timed out after {Request.Timeout} (job-timeout); {Progress}"));
    }

    protected JobRequest Request { get; }

    /// <summary>The actor's timers (Akka.NET cancels them when the actor stops).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    protected IActorRef Metrics { get; }

    /// <summary>The job clock: every metrics event is stamped with its elapsed time.</summary>
    protected Stopwatch Clock { get; } = new();

    /// <summary>True once the job has completed or failed; later results and failures are ignored.</summary>
    protected bool IsFinished { get; private set; }

    /// <summary>How far the job got, for the timeout message (e.g. "3 of 8 tasks were done").</summary>
    protected abstract string Progress { get; }

    /// <summary>Runs the job, once, after the clock and the timeout have started.</summary>
    protected abstract void Begin();

    /// <summary>Called once just before the job ends either way, while metrics can still be sent.</summary>
    protected virtual void BeforeEnd()
    {
    }

    /// <summary>Called once when the job ends either way (e.g. to stop the workers).</summary>
    protected virtual void OnEnded()
    {
    }

    protected void Emit(MetricsEvent e) => Metrics.Tell(e, Self);

    protected void Complete(object answer)
    {
        if (IsFinished)
            return;
        BeforeEnd();
        IsFinished = true;
        Emit(new JobFinished(Clock.Elapsed, true));
        Metrics.Tell(new CompleteJob(_client!, answer, null), Self);
        OnEnded();
    }

    protected void Fail(string error)
    {
        if (IsFinished || _client is null)
            return;
        BeforeEnd();
        IsFinished = true;
        Emit(new JobFinished(Clock.Elapsed, false));
        Metrics.Tell(new CompleteJob(_client, null, error), Self);
        OnEnded();
    }

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

        Clock.Start();
        Timers.StartSingleTimer(JobTimedOut.Instance, JobTimedOut.Instance, Request.Timeout);
        Begin();
    }
}
