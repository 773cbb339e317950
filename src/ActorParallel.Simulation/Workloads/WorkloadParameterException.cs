namespace ActorParallel.Simulation.Workloads;

/// <summary>Bad workload name, size, task count or option; the message says how to fix it.</summary>
public sealed class WorkloadParameterException : Exception
{
    public WorkloadParameterException()
    {
    }

    public WorkloadParameterException(string message)
        : base(message)
    {
    }

    public WorkloadParameterException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
