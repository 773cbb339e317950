using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine;

/// <summary>
/// The small job an engine runs before a timed job's clock starts, so that the workload's own code on the engine's path
/// (its tasks' Execute, its result types, its serializers; a peer's or a shuffle's actors) is compiled outside the job.
/// </summary>
public static class WarmUpJob
{
    /// <summary>
    /// Tasks of the warm-up per worker. Two warm-ups of 32 a worker call each method of the path more than the 30 times
    /// after which the runtime recompiles it optimised (tier 1), so that recompiling does not happen during the job.
    /// </summary>
    public const int TasksPerWorker = 32;

    /// <summary>
    /// The workload's own small job where it names one (<see cref="IWarmUpWorkload"/>), else <paramref name="job"/> cut
    /// to <see cref="TasksPerWorker"/> tasks per worker (no more than the job has) that together hold one of the job's
    /// tasks' work (tens of milliseconds at the lab's sizes). Null if that is not a valid job of the workload.
    /// </summary>
    public static WorkloadParameters? Parameters(IWorkload workload, WorkloadParameters job, int workers)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(job);
        var tasks = Math.Min(TasksPerWorker * Math.Max(2, workers), Math.Max(job.Tasks, 2 * Math.Max(2, workers)));
        var parameters = workload is IWarmUpWorkload own
            ? own.WarmUpParameters(job)
            : job with { Size = Math.Max(tasks, job.Size / Math.Max(1, job.Tasks)), Tasks = tasks };
        try
        {
            workload.Validate(parameters);
            return parameters;
        }
        catch (WorkloadParameterException)
        {
            return null;
        }
    }
}
