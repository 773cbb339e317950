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
    /// <summary>Bytes of a task or result envelope beyond its payload (ids, attempt, job id).</summary>
    public const int EnvelopeBytes = 32;

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
        var ledger = new TaskLedger(tasks, request.Workers, request.Mode, request.Prefetch, request.TaskRetries);
        var queue = new Queue<Assignment>(ledger.Start());
        while (queue.TryDequeue(out var a))
        {
            ct.ThrowIfCancellationRequested();
            metrics.Apply(new TaskDispatched(clock.Elapsed, a.Task.TaskId, a.WorkerId));
            metrics.Apply(new MessageSent(clock.Elapsed, EnvelopeBytes + farm.EstimateBytes(a.Task.Payload)));
            if (request.Faults?.ShouldFail(a.Task.TaskId, a.Attempt) == true)
            {
                var error = InjectedFaultException.For(a.Task.TaskId, a.Attempt).Message;
                metrics.Apply(new TaskFailed(clock.Elapsed, a.Task.TaskId, a.WorkerId, error));
                foreach (var retry in ledger.Fail(a.WorkerId, a.Task.TaskId, a.Attempt, error))
                    queue.Enqueue(retry);
                if (ledger.FatalError is { } fatal)
                    throw new JobFailedException($"{farm.Name}: {fatal}");
                continue;
            }

            var started = clock.Elapsed;
            metrics.Apply(new TaskStarted(started, a.Task.TaskId, a.WorkerId));
            var result = await farm.ExecuteAsync(a.Task, ct).ConfigureAwait(false);
            metrics.Apply(new MessageSent(clock.Elapsed, EnvelopeBytes + farm.EstimateBytes(result.Output)));
            metrics.Apply(new TaskCompleted(clock.Elapsed, a.Task.TaskId, a.WorkerId, clock.Elapsed - started));
            ledger.Complete(a.WorkerId, a.Attempt, result, out var next);
            foreach (var n in next)
                queue.Enqueue(n);
        }

        return farm.Combine(request.Parameters, ledger.Results());
    }

    /// <summary>Peers count as tasks: each peer's busy time (its Start and Receive calls) is reported as one completed task.</summary>
    private static object RunPeers(IPeerWorkload workload, JobRequest request, MetricsAggregator metrics, Stopwatch clock, CancellationToken ct)
    {
        var peers = workload.CreatePeers(request.Parameters);
        metrics.Apply(new JobStarted(clock.Elapsed, workload.Name, request.Workers, peers.Count));
        var busy = new TimeSpan[peers.Count];
        var queue = new Queue<PeerMessage>();
        foreach (var peer in peers)
        {
            metrics.Apply(new TaskDispatched(clock.Elapsed, peer.Id, peer.Id % request.Workers));
            var started = clock.Elapsed;
            foreach (var m in peer.Start())
                queue.Enqueue(m);
            busy[peer.Id] += clock.Elapsed - started;
        }

        while (queue.TryDequeue(out var message))
        {
            ct.ThrowIfCancellationRequested();
            metrics.Apply(new MessageSent(clock.Elapsed, workload.EstimateBytes(message)));
            var started = clock.Elapsed;
            foreach (var reply in peers[message.To].Receive(message))
                queue.Enqueue(reply);
            busy[message.To] += clock.Elapsed - started;
        }

        foreach (var peer in peers)
            metrics.Apply(new TaskCompleted(clock.Elapsed, peer.Id, peer.Id % request.Workers, busy[peer.Id]));
        return workload.Assemble(request.Parameters, [.. peers.Select(p => p.Result())]);
    }
}
