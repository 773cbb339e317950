using System.Globalization;
using Akka.Actor;
using Akka.Cluster;
using ActorParallel.Configuration;
using ActorParallel.Simulation.Configuration;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Serialization;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Cluster;

/// <summary>How to start a cluster node of the lab.</summary>
/// <param name="Role"><see cref="NodeRoles.Worker"/> or <see cref="NodeRoles.Driver"/>.</param>
/// <param name="Seeds">Nodes to join (<c>host:port</c> or a full Akka address); none: this node is the first seed.</param>
/// <param name="Hostname">The address to listen on.</param>
/// <param name="Port">The port to listen on; 0 picks a free one.</param>
/// <param name="PublicHostname">The address the other nodes reach this one by, if not <paramref name="Hostname"/>.</param>
/// <param name="Workers">Worker actors (and threads) a worker node gives each job.</param>
public sealed record NodeOptions(string Role, IReadOnlyList<string> Seeds, string Hostname = "127.0.0.1", int Port = 0, string? PublicHostname = null, int Workers = 2)
{
    /// <summary>TLS with mutual authentication on the transport; null: plain TCP (for loopback and trusted networks).</summary>
    public NodeTls? Tls { get; init; }
}

/// <summary>
/// Starting and joining lab cluster nodes: the configuration (our defaults in hocon/reference/lab-cluster.conf, the
/// user's <c>akka</c> section over them, the node's own address and role on top), the join (a node without seeds
/// joins itself as the first seed), and waiting until enough worker nodes are up.
/// </summary>
public static class LabCluster
{
    public const string DefaultsResource = "ActorParallel.lab-cluster.conf";

    /// <summary>The lab's cluster defaults (Akka settings with the trade-offs explained in the file).</summary>
    public static HoconConfig Defaults() => HoconConfigFactory.FromResource<NodeOptions>(DefaultsResource);

    /// <summary>The node's full configuration, as our parser resolved it.</summary>
    public static HoconConfig Configuration(NodeOptions options, HoconConfig? user = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Role is not (NodeRoles.Worker or NodeRoles.Driver))
            throw new ArgumentException($"role '{options.Role}' is unknown; use {NodeRoles.Worker} or {NodeRoles.Driver}", nameof(options));
        var own = HoconConfigFactory.ParseString(string.Create(CultureInfo.InvariantCulture, $$"""
            akka.remote.dot-netty.tcp {
              hostname = {{Quote(options.Hostname)}}
              port = {{options.Port}}
              {{(options.PublicHostname is { } p ? "public-hostname = " + Quote(p) : "")}}
              enable-ssl = {{(options.Tls is null ? "off" : "on")}}
            }
            akka.cluster.roles = [{{options.Role}}]
            akka.actor.lab-worker-dispatcher {
              type = ForkJoinDispatcher
              throughput = 100
              dedicated-thread-pool { thread-count = {{Math.Max(1, options.Workers)}}, threadtype = background }
            }
            """));
        var config = user is null || user.IsEmpty ? own : own.WithFallback(user);
        return config.WithFallback(Defaults()).WithFallback(Serialization.LabSerialization.Reference());
    }

    /// <summary>Starts a node and joins the cluster (or founds it, without seeds). Worker nodes start their <see cref="NodeActor"/>.</summary>
    public static ActorSystem Start(NodeOptions options, WorkloadRegistry? registry = null, HoconConfig? user = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // host:port seeds take this node's transport: akka.ssl.tcp with TLS, akka.tcp without.
        var seeds = options.Seeds.Select(s => SeedAddress(s, options.Tls is null ? "akka.tcp" : "akka.ssl.tcp")).ToList();
        var workloads = registry ?? WorkloadRegistry.Default;
        // The serializer knows the types of exactly these workloads (a host's own ones too), not only the built-in ones.
        var setup = BootstrapSetup.Create().WithConfig(AkkaHandOver.ToAkka(Configuration(options, user)))
            .And(LabSerialization.Setup(ReferenceEquals(workloads, WorkloadRegistry.Default) ? LabWire.Default : LabWire.Create(workloads)));
        if (options.Tls is { } tls)
            setup = setup.And(tls.Setup());
        var system = ActorSystem.Create(NodeRoles.SystemName, setup);
        var cluster = Akka.Cluster.Cluster.Get(system);
        if (options.Role == NodeRoles.Worker)
        {
            var workers = Math.Max(1, options.Workers);
            // Beside the node actor, not under it: its children are the jobs' (tests and tools look there for them).
            var letters = DeadLetterTally.Start(system);
            system.ActorOf(Props.Create(() => new NodeActor(workloads, workers, ActorEngine.WorkerDispatcherId, letters)), NodeRoles.NodeActorName);
        }

        if (seeds.Count == 0)
            cluster.Join(cluster.SelfAddress);
        else
            cluster.JoinSeedNodes(seeds);
        return system;
    }

    /// <summary>
    /// An Akka address from <c>host:port</c> or a full address (<c>akka.tcp://actorparallel@host:port</c>). A bad one is a
    /// <see cref="FormatException"/> that shows both forms.
    /// </summary>
    public static Address SeedAddress(string seed) => SeedAddress(seed, "akka.tcp");

    /// <summary>As <see cref="SeedAddress(string)"/>, a host:port seed getting <paramref name="protocol"/> (akka.ssl.tcp for TLS).</summary>
    public static Address SeedAddress(string seed, string protocol)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var text = seed.Trim();
        if (text.Contains("://", StringComparison.Ordinal))
        {
            try
            {
                return Address.Parse(text);
            }
            catch (Exception e) when (e is UriFormatException or ArgumentException or FormatException)
            {
                throw new FormatException($"seed '{seed}' is not an Akka address; write host:port or akka.tcp://{NodeRoles.SystemName}@host:port", e);
            }
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new FormatException($"seed '{seed}' is not host:port; write for example 127.0.0.1:4053 or akka.tcp://{NodeRoles.SystemName}@127.0.0.1:4053");
        return new Address(protocol, NodeRoles.SystemName, text[..colon].Trim('[', ']'), port);
    }

    /// <summary>Waits until this node is up and at least <paramref name="workerNodes"/> worker nodes are up; false on timeout.</summary>
    public static async Task<bool> WaitForWorkersAsync(ActorSystem system, int workerNodes, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        var cluster = Akka.Cluster.Cluster.Get(system);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = system.ActorOf(Props.Create(() => new MemberWatcher(workerNodes, ready)));
        try
        {
            await ready.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            system.Stop(watcher);
        }
    }

    /// <summary>
    /// The worker nodes that are up now and reachable from here: a job does not ask a node that cannot answer (a frozen
    /// or cut-off node stays Up until the split-brain resolver downs it, seconds later).
    /// </summary>
    public static IReadOnlyList<Address> WorkerNodes(ActorSystem system)
    {
        var state = Akka.Cluster.Cluster.Get(system).State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        return [.. state.Members.Where(m => m.Status == MemberStatus.Up && m.HasRole(NodeRoles.Worker) && !unreachable.Contains(m.Address)).Select(m => m.Address)];
    }

    private static string Quote(string s) => HoconConfigFactory.Quote(s);

    /// <summary>
    /// Completes <c>ready</c> once this node and enough reachable worker nodes are up. It keeps its own view from the
    /// events (the cluster's <c>State</c> property is updated by another subscriber and can lag behind them).
    /// </summary>
    private sealed class MemberWatcher : ReceiveActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        private readonly Dictionary<Address, Member> _up = [];
        private readonly HashSet<Address> _unreachable = [];

        public MemberWatcher(int workerNodes, TaskCompletionSource ready)
        {
            var self = Akka.Cluster.Cluster.Get(Context.System).SelfAddress;
            void Check()
            {
                // The events say so first; the cluster's State (what WorkerNodes and the engine read) follows a moment
                // later, so wait for both (the tick re-checks).
                var workers = _up.Values.Count(m => m.HasRole(NodeRoles.Worker) && !_unreachable.Contains(m.Address));
                if (_up.ContainsKey(self) && workers >= workerNodes && WorkerNodes(Context.System).Count >= workerNodes)
                    ready.TrySetResult();
            }

            Receive<string>(_ => Check());

            Receive<ClusterEvent.CurrentClusterState>(state =>
            {
                foreach (var m in state.Members.Where(m => m.Status == MemberStatus.Up))
                    _up[m.Address] = m;
                foreach (var m in state.Unreachable)
                    _unreachable.Add(m.Address);
                Check();
            });
            Receive<ClusterEvent.MemberUp>(e =>
            {
                _up[e.Member.Address] = e.Member;
                Check();
            });
            Receive<ClusterEvent.MemberRemoved>(e => _up.Remove(e.Member.Address));
            Receive<ClusterEvent.UnreachableMember>(e => _unreachable.Add(e.Member.Address));
            Receive<ClusterEvent.ReachableMember>(e =>
            {
                _unreachable.Remove(e.Member.Address);
                Check();
            });
            Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
            Akka.Cluster.Cluster.Get(Context.System).Subscribe(
                Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        }

        protected override void PreStart() => Timers.StartPeriodicTimer("check", "check", TimeSpan.FromMilliseconds(50));

        protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
    }
}
