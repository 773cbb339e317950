using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine;

/// <summary>What an engine returns: the combined answer, the wall time of the parallel part, and its metrics.</summary>
public sealed record EngineRun(object Answer, TimeSpan Wall, JobMetrics Metrics)
{
    /// <summary>Where the actors ran, if not on W threads of this process (a cluster: how many workers on how many nodes).</summary>
    public string? Placement { get; init; }
}

/// <summary>Runs the parallel part of a job (actors, or the inline reference engine); <see cref="JobRunner"/> adds serial and TPL.</summary>
public interface IJobEngine
{
    string Name { get; }

    Task<EngineRun> RunAsync(IWorkload workload, JobRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The job failed: a task ran out of retries, the job timed out, or it was cancelled.</summary>
public sealed class JobFailedException : Exception
{
    public JobFailedException()
    {
    }

    public JobFailedException(string message)
        : base(message)
    {
    }

    public JobFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>Thrown by a worker when fault injection asks it to fail; carries the task so logs name it.</summary>
public sealed class InjectedFaultException : Exception
{
    public InjectedFaultException()
    {
    }

    public InjectedFaultException(string message)
        : base(message)
    {
    }

    public InjectedFaultException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public static InjectedFaultException For(int taskId, int attempt) => new($"injected fault on task {taskId}, attempt {attempt}");
}
