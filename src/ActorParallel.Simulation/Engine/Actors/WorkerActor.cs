using System.Diagnostics;
using ActorParallel.Actor;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>
/// Executes tasks. A CPU-bound task runs inside the handler (the worker's dispatcher thread is the
/// core it uses); a task that awaits (io) is piped back to the worker so the worker can start the
/// next one meanwhile. When a task throws, the supervisor restarts the worker and the worker tells
/// it, from <see cref="PreRestart"/>, which attempt failed so the task can be retried.
/// </summary>
public sealed class WorkerActor : ReceiveActor
{
    private readonly int _id;

    public WorkerActor(int id, ITaskFarmWorkload workload, FaultInjection? faults)
    {
        ArgumentNullException.ThrowIfNull(workload);
        _id = id;
        Receive<ExecuteTask>(t =>
        {
            if (faults?.ShouldFail(t.Task.TaskId, t.Attempt) == true)
                throw InjectedFaultException.For(t.Task.TaskId, t.Attempt);
            var start = Stopwatch.GetTimestamp();
            var pending = workload.ExecuteAsync(t.Task);
            if (pending.IsCompleted)
            {
                // GetResult rethrows a synchronous failure here, inside the handler, so supervision sees it.
                Sender.Tell(new TaskDone(_id, t.Attempt, pending.GetAwaiter().GetResult(), Stopwatch.GetElapsedTime(start)));
                return;
            }

            var replyTo = Sender;
            pending.PipeTo(Self, Self, r => new AsyncTaskDone(t, r, start, replyTo), e => new AsyncTaskFailed(t, e));
        });
        Receive<AsyncTaskDone>(d => d.ReplyTo.Tell(new TaskDone(_id, d.Task.Attempt, d.Result, Stopwatch.GetElapsedTime(d.StartTimestamp)), Self));
        Receive<AsyncTaskFailed>(f => throw new InvalidOperationException($"task {f.Task.Task.TaskId} failed: {f.Error.Message}", f.Error));
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var failed = message switch
        {
            ExecuteTask t => t,
            AsyncTaskFailed f => f.Task,
            _ => null,
        };
        if (failed is not null)
            Context.Parent.Tell(new TaskAttemptFailed(_id, failed.Task.TaskId, failed.Attempt, reason.Message), Self);
        base.PreRestart(reason, message);
    }
}
