using Akka.Actor;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;
using ActorParallel.Simulation.Workloads.Pi;

namespace ActorParallel.Simulation.Tests.Engine;

/// <summary>The actors' protocol seen through probes: what the supervisor tells the metrics actor, and what that one answers.</summary>
public sealed class ActorProtocolTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public ActorProtocolTests()
        : base(ActorEngine.SystemConfig(2))
    {
    }

    [Fact]
    public void Supervisor_restarts_a_throwing_worker_retries_its_task_and_reports_every_step()
    {
        var farm = (ITaskFarmWorkload)WorkloadRegistry.Default.Get("pi");
        var p = new WorkloadParameters(50_000, 4);
        // Tasks 0 and 3 throw once; one task per message, so every dispatch shows.
        var request = new JobRequest("pi", p, 2) { Faults = new FaultInjection(EveryNthTask: 3), Batching = BatchPolicy.None };
        var metrics = CreateTestProbe();
        var supervisor = Sys.ActorOf(Props.Create(() => new SupervisorActor(farm, request, metrics.Ref, ActorEngine.WorkerDispatcherId)));

        supervisor.Tell(StartJob.Instance, TestActor);

        var events = new List<object>();
        CompleteJob? done = null;
        while (done is null)
        {
            var message = metrics.ExpectMsg<object>(Patience);
            events.Add(message);
            done = message as CompleteJob;
        }

        Assert.IsType<JobStarted>(events[0]);
        var batches = events.OfType<MetricsBatch>().ToList();
        Assert.Equal(2, batches.Sum(b => b.Failures));
        Assert.Equal([0, 1, 2, 3], batches.SelectMany(b => b.Completed).Select(c => c.TaskId).Order());
        Assert.Equal(6, batches.Sum(b => b.Dispatches));
        Assert.Equal(12, batches.Sum(b => b.Messages)); // 6 batches out, 4 results and 2 failures back
        Assert.True(batches.Count < 6, $"{batches.Count} metrics messages: metrics are shipped in batches, not per event");
        Assert.All(batches.SelectMany(b => b.Completed), r => Assert.True(r.DispatchedTicks <= r.StartedTicks && r.StartedTicks <= r.CompletedTicks));
        var finished = events.OfType<JobFinished>().Single();
        Assert.True(finished.Succeeded);
        Assert.True(events.IndexOf(finished) > events.IndexOf(batches[^1]), "every metrics batch arrives before the job's end");
        Assert.Equal(TestActor, done.Client);
        Assert.Null(done.Error);
        Assert.Equal((PiAnswer)farm.RunSerial(p), done.Answer);
    }

    [Fact]
    public void With_speculation_an_idle_worker_runs_a_silent_workers_task_and_the_late_result_is_dropped()
    {
        var farm = (ITaskFarmWorkload)WorkloadRegistry.Default.Get("pi");
        var p = new WorkloadParameters(40_000, 4);
        var request = new JobRequest("pi", p, 2) { Batching = BatchPolicy.None, Prefetch = 0, Speculation = new SpeculationPolicy(TimeSpan.FromMilliseconds(200)) };
        var metrics = CreateTestProbe();
        var silent = CreateTestProbe(); // a worker on a frozen node: takes a batch and says nothing
        var worker = Sys.ActorOf(Props.Create(() => new WorkerActor(farm, null)));
        var supervisor = Sys.ActorOf(Props.Create(() => new SupervisorActor(farm, request, metrics.Ref, ActorEngine.WorkerDispatcherId, new[] { silent.Ref, worker })));

        supervisor.Tell(StartJob.Instance, TestActor);
        var held = silent.ExpectMsg<TaskBatch>(Patience);
        var events = new List<object>();
        CompleteJob? done = null;
        while (done is null)
        {
            var message = metrics.ExpectMsg<object>(Patience);
            events.Add(message);
            done = message as CompleteJob;
        }

        // The other worker ran all four tasks, the silent one's included; the job did not wait for it.
        Assert.Null(done.Error);
        Assert.Equal((PiAnswer)farm.RunSerial(p), done.Answer);
        var summary = events.OfType<LedgerSummary>().Single();
        Assert.Equal(1, summary.Speculated);
        Assert.Equal(0, summary.Reissued);
        Assert.Equal([0, 1, 2, 3], events.OfType<MetricsBatch>().SelectMany(b => b.Completed).Select(c => c.TaskId).Order());
        silent.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        // The frozen node comes back and answers: its result is a duplicate, and the job's answer stands.
        supervisor.Tell(new BatchDone(held.WorkerId, held.BatchId, [new TaskResult(held.Tasks[0].TaskId, 0L)], [TimeSpan.Zero]), silent.Ref);
        metrics.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Metrics_actor_publishes_progress_and_answers_with_the_final_report()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(MetricsSnapshot));
        var metrics = Sys.ActorOf(Props.Create(() => new MetricsActor(TimeSpan.FromMilliseconds(10))));
        metrics.Tell(new JobStarted(TimeSpan.Zero, "pi", 1, 2));
        metrics.Tell(new TaskDispatched(TimeSpan.Zero, 0, 0));
        metrics.Tell(new TaskCompleted(TimeSpan.FromMilliseconds(5), 0, 0, TimeSpan.FromMilliseconds(5)));

        ExpectMsg<MetricsSnapshot>(s => s.TasksTotal == 2 && s.TasksCompleted == 1, Patience);

        metrics.Tell(new GetSnapshot());
        metrics.Tell(new JobFinished(TimeSpan.FromMilliseconds(10), true));
        metrics.Tell(new CompleteJob(TestActor, 42, null));
        var snapshot = FishForSnapshot();
        Assert.Equal(1, snapshot.TasksCompleted);
        var outcome = FishFor<JobOutcome>();
        Assert.True(outcome.Succeeded);
        Assert.Equal(42, outcome.Answer);
        Assert.Equal(TimeSpan.FromMilliseconds(10), outcome.Metrics.Wall);
        Assert.Equal(1, outcome.Metrics.TasksCompleted);
    }

    private MetricsSnapshot FishForSnapshot() => FishFor<MetricsSnapshot>();

    /// <summary>Skips the periodic progress snapshots until a <typeparamref name="T"/> arrives.</summary>
    private T FishFor<T>()
    {
        while (true)
        {
            var message = ExpectMsg<object>(Patience);
            if (message is T t)
                return t;
        }
    }
}
