using System.Diagnostics;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine;

/// <summary>
/// The reference engine: the supervisor protocol (ledger, retries, de-duplication, metrics events) run
/// on the calling thread, one message at a time, W workers simulated. Deterministic, so tests can check
/// the protocol without threads; it measures no speedup.
/// </summary>
public sealed class InlineEngine : IJobEngine
{
    public string Name => "inline";

    public async Task<EngineRun> RunAsync(IWorkload workload, JobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var metrics = new MetricsAggregator();
        object answer;
        if (workload is ITaskFarmWorkload farm)
        {
            answer = await RunFarmAsync(farm, request, metrics, clock, cancellationToken).ConfigureAwait(false);
        }
        else if (workload is IPeerWorkload peers)
        {
            answer = RunPeers(peers, request, metrics, clock, cancellationToken);
        }
        else
        {
            throw new JobFailedException($"{workload.Name}: topology {workload.Topology} is not supported by the {Name} engine");
        }

        metrics.Apply(new JobFinished(clock.Elapsed, true));
        return new EngineRun(answer, clock.Elapsed, metrics.Report());
    }

    private static async Task<object> RunFarmAsync(ITaskFarmWorkload farm, JobRequest request, MetricsAggregator metrics, Stopwatch clock, CancellationToken ct)
    {
        var tasks = farm.Split(request.Parameters);
        metrics.Apply(new JobStarted(clock.Elapsed, farm.Name, request.Workers, tasks.Count));
        var ledger = new TaskLedger(tasks, request.Workers, request.Mode, request.Prefetch, request.TaskRetries, request.Batching);
        var collected = new FarmMetrics(farm, tasks.Count);
        var queue = new Queue<TaskBatch>();
        Enqueue(ledger.Start(clock.Elapsed));
        while (queue.TryDequeue(out var batch))
        {
            ct.ThrowIfCancellationRequested();
            var results = new List<TaskResult>(batch.Count);
            var durations = new List<TimeSpan>(batch.Count);
            var failedAt = -1;
            for (var i = 0; i < batch.Count && failedAt < 0; i++)
            {
                if (request.Faults?.ShouldFail(batch.Tasks[i].TaskId, batch.Attempts[i]) == true)
                {
                    failedAt = i;
                    break;
                }

                var started = clock.Elapsed;
                results.Add(await farm.ExecuteAsync(batch.Tasks[i], ct).ConfigureAwait(false));
                durations.Add(clock.Elapsed - started);
            }

            var now = clock.Elapsed;
            collected.Returned(ledger, batch.WorkerId, batch.BatchId, [.. results], [.. durations], now);
            if (failedAt < 0)
            {
                Enqueue(ledger.Complete(new BatchDone(batch.WorkerId, batch.BatchId, [.. results], [.. durations]), now));
                continue;
            }

            var task = batch.Tasks[failedAt];
            var error = InjectedFaultException.For(task.TaskId, batch.Attempts[failedAt]).Message;
            collected.Failed();
            Enqueue(ledger.Fail(new BatchFailed(batch.WorkerId, batch.BatchId, failedAt, [.. results], [.. durations], error), now));
            if (ledger.FatalError is { } fatal)
                throw new JobFailedException($"{farm.Name}: {fatal}");
        }

        metrics.Apply(collected.Flush(clock.Elapsed));
        return farm.Combine(request.Parameters, ledger.Results());

        void Enqueue(IReadOnlyList<TaskBatch> batches)
        {
            foreach (var b in batches)
            {
                collected.Sent(b);
                queue.Enqueue(b);
            }
        }
    }

    /// <summary>
    /// Peers count as tasks: each peer's busy time (its Start, Receive and ComputeAhead calls) is reported as one completed task.
    /// Faults follow the actor engine's recovery protocol (see <see cref="Actors.PeerActor"/>), one message at a time:
    /// a handler that completes a step that <see cref="FaultInjection"/> selects fails, its output is dropped, the
    /// peer is restored from its last checkpoint (taken after Start and every <see cref="IPeerWorkload.CheckpointInterval"/>
    /// steps) and the messages since are delivered again; after <c>task-retries</c> failures at the same step the job
    /// fails naming the peer and the step.
    /// </summary>
    private static object RunPeers(IPeerWorkload workload, JobRequest request, MetricsAggregator metrics, Stopwatch clock, CancellationToken ct)
    {
        var peers = workload.CreatePeers(request.Parameters).Select(p => new PeerHost(p)).ToArray();
        var interval = workload.CheckpointInterval(request.Parameters);
        metrics.Apply(new JobStarted(clock.Elapsed, workload.Name, request.Workers, peers.Length));
        var queue = new Queue<PeerMessage>();
        foreach (var host in peers)
        {
            metrics.Apply(new TaskDispatched(clock.Elapsed, host.Id, host.Id % request.Workers));
            Run(host, null);
        }

        while (queue.TryDequeue(out var message))
        {
            ct.ThrowIfCancellationRequested();
            metrics.Apply(new MessageSent(clock.Elapsed, workload.EstimateBytes(message)));
            Run(peers[message.To], message);
        }

        foreach (var host in peers)
            metrics.Apply(new TaskCompleted(clock.Elapsed, host.Id, host.Id % request.Workers, host.Busy));
        return workload.Assemble(request.Parameters, [.. peers.Select(h => h.Peer.Result())]);

        // Start (message null) or deliver one message; on an injected fault, restore and deliver the log again.
        void Run(PeerHost host, PeerMessage? message)
        {
            if (message is not null)
                host.Since.Add(message);
            var before = host.Peer.CompletedSteps;
            var started = clock.Elapsed;
            var outgoing = message is null ? host.Peer.Start() : host.Peer.Receive(message);
            host.Busy += clock.Elapsed - started;
            for (var step = before + 1; step <= host.Peer.CompletedSteps; step++)
            {
                var failures = host.Failures.GetValueOrDefault(step);
                if (request.Faults?.ShouldFail(step, failures) != true)
                    continue;
                var error = $"injected fault: peer {host.Id} at step {step}, attempt {failures + 1}";
                metrics.Apply(new TaskFailed(clock.Elapsed, host.Id, host.Id % request.Workers, error));
                host.Failures[step] = ++failures;
                if (failures > request.TaskRetries)
                    throw new JobFailedException($"{workload.Name}: peer {host.Id} failed at step {step} {failures} times (task-retries = {request.TaskRetries}); last error: {error}");
                Recover(host);
                return;
            }

            foreach (var m in outgoing)
                queue.Enqueue(m);
            if (message is null)
                host.Started = true;
            if (message is null || (!host.Peer.IsDone && host.Peer.CompletedSteps / interval > before / interval))
                host.SaveCheckpoint();
            started = clock.Elapsed;
            host.Peer.ComputeAhead();
            host.Busy += clock.Elapsed - started;
        }

        void Recover(PeerHost host)
        {
            var replay = host.Since.ToArray();
            host.Restore(workload);
            if (!host.Started)
                Run(host, null);
            foreach (var m in replay)
                Run(host, m);
        }
    }

    /// <summary>One peer with what recovery needs: its last checkpoint, whether Start had run by then, and the messages since.</summary>
    private sealed class PeerHost(IPeer peer)
    {
        private object _checkpoint = peer.Checkpoint();

        public IPeer Peer { get; private set; } = peer;

        public int Id { get; } = peer.Id;

        public bool Started { get; set; }

        public List<PeerMessage> Since { get; } = [];

        public Dictionary<int, int> Failures { get; } = [];

        public TimeSpan Busy { get; set; }

        public void SaveCheckpoint()
        {
            _checkpoint = Peer.Checkpoint();
            Since.Clear();
        }

        public void Restore(IPeerWorkload workload)
        {
            Peer = workload.Restore(_checkpoint);
            Since.Clear();
        }
    }
}
