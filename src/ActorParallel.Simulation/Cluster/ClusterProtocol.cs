using Akka.Actor;
using Akka.Cluster;
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

    /// <summary>The path of the <see cref="NodeActor"/> of the node at <paramref name="node"/>.</summary>
    public static ActorPath NodeActorPath(Address node) => new RootActorPath(node) / "user" / NodeActorName;

    /// <summary>
    /// Has a job's coordinator hear of members coming, going and becoming unreachable (with the current state first);
    /// <see cref="Unfollow"/> in its PostStop.
    /// </summary>
    public static void FollowMembers(IActorContext context) =>
        Akka.Cluster.Cluster.Get(context.System).Subscribe(context.Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
            typeof(ClusterEvent.IReachabilityEvent), typeof(ClusterEvent.IMemberEvent));

    /// <summary>Stops what <see cref="FollowMembers"/> started.</summary>
    public static void Unfollow(IActorContext context) => Akka.Cluster.Cluster.Get(context.System).Unsubscribe(context.Self);
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

/// <summary>
/// Driver to a worker node that made a shuffle job's workers: make the shuffle's reducers with these ids (reducer i owns
/// the partitions p with p % reducers = i). Answered with <see cref="ReducersProvided"/> or <see cref="WorkersRefused"/>.
/// </summary>
public sealed record ProvideReducers(string JobId, int[] Reducers);

/// <summary>Worker node to driver: the reducers it made, in the order of <see cref="Ids"/>.</summary>
public sealed record ReducersProvided(string JobId, string Node, int[] Ids, IActorRef[] Reducers);

/// <summary>
/// Driver to a worker node: host peers <see cref="First"/> to <see cref="First"/> + <see cref="Count"/> - 1 of a peer
/// job (heat's strips), made by the node from <see cref="Parameters"/> as the driver would make them. Peers that fail
/// are resumed on the node, at most <see cref="TaskRetries"/> times at one step. Answered with
/// <see cref="PeersProvided"/> or <see cref="WorkersRefused"/>.
/// </summary>
public sealed record ProvidePeers(
    string JobId, string Workload, string Version, WorkloadParameters Parameters, int First, int Count, int TaskRetries, FaultInjection? Faults);

/// <summary>Worker node to driver: its peers, from <see cref="First"/> on; the sender hosts them and takes <see cref="WirePeers"/>.</summary>
public sealed record PeersProvided(string JobId, string Node, int First, IActorRef[] Peers);

/// <summary>Driver to each node hosting peers, when the job clock starts: every peer by id; the peers start once wired.</summary>
public sealed record WirePeers(string JobId, IActorRef[] Peers);

/// <summary>
/// Node to driver: piece <see cref="Index"/> of a finished peer's result, as the lab serializer wrote it. A result (a heat
/// strip's rows) can be larger than the transport's frame, so it travels in pieces that fit, followed by <see cref="PeerDone"/>.
/// </summary>
public sealed record PeerResultChunk(int PeerId, int Index, byte[] Bytes);

/// <summary>
/// Node to driver, after the peer's <see cref="Chunks"/> chunks: the peer is done; its result is their bytes, read by the
/// serializer <see cref="SerializerId"/> with <see cref="Manifest"/>; the messages it sent and its busy time.
/// </summary>
public sealed record PeerDone(int PeerId, int SerializerId, string Manifest, int Chunks, int Messages, long Bytes, TimeSpan Busy);

/// <summary>Node to driver: a peer threw at <see cref="Step"/>; it was resumed from its checkpoint on the node, or, <see cref="Fatal"/>, it failed there too often.</summary>
public sealed record PeerFaulted(int PeerId, int Step, string Error, bool Fatal);

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
