using Akka.Actor;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Cluster;

/// <summary>What a node does in a lab cluster; the role decides which actors it starts (STYLE habit 4).</summary>
public static class NodeRoles
{
    /// <summary>Runs jobs: splits, hands out batches, combines; has no worker actors of its own.</summary>
    public const string Driver = "driver";

    /// <summary>Hosts worker actors for the drivers' jobs (<see cref="NodeActor"/>).</summary>
    public const string Worker = "worker";

    /// <summary>The name of every node's actor system: members of one cluster share it.</summary>
    public const string SystemName = "actorparallel";

    /// <summary>The worker node's <see cref="NodeActor"/>, at <c>/user/lab-node</c>.</summary>
    public const string NodeActorName = "lab-node";
}

/// <summary>
/// Driver to a worker node: make worker actors for job <see cref="JobId"/>. The node resolves the workload by name
/// in its own registry and refuses (<see cref="WorkersRefused"/>) when it lacks it or runs another build.
/// <see cref="MaxWorkers"/> caps how many of the node's workers the job gets (0: all of them).
/// </summary>
public sealed record ProvideWorkers(string JobId, string Workload, string Version, FaultInjection? Faults, int MaxWorkers = 0);

/// <summary>Worker node to driver: the job's workers on this node, and how many threads run them.</summary>
public sealed record WorkersProvided(string JobId, string Node, IActorRef[] Workers);

/// <summary>Worker node to driver: no workers for this job, and why (names the node and both versions where they differ).</summary>
public sealed record WorkersRefused(string JobId, string Node, string Reason);

/// <summary>Driver to worker node: the job is over; stop its workers.</summary>
public sealed record ReleaseWorkers(string JobId);

/// <summary>Anyone to a worker node: what do you run? The answer is <see cref="NodeStatus"/>.</summary>
public sealed record GetNodeStatus
{
    public static GetNodeStatus Instance { get; } = new();
}

/// <summary>Worker node to asker: its build, worker actors per job, and the jobs it serves now.</summary>
public sealed record NodeStatus(string Node, string Version, int WorkersPerJob, string[] Jobs);

/// <summary>The build a node runs: the lab's version and its workloads, which must match the driver's.</summary>
public static class LabVersion
{
    /// <summary>The lab assembly's informational version plus the sorted workload names of <paramref name="registry"/>.</summary>
    public static string Of(WorkloadRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var assembly = typeof(LabVersion).Assembly;
        var version = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        return $"{version} [{string.Join(",", registry.Names)}]";
    }
}
