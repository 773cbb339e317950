using System.CommandLine;
using System.Globalization;
using Akka.Actor;
using Akka.Cluster;
using ActorParallel.Configuration;
using ActorParallel.Simulation;
using ActorParallel.Simulation.Cluster;

namespace ActorParallel.Cli.Commands;

/// <summary>
/// <c>node [--hostname H] [--port P] [--public-hostname H] [--seed S ...] [--role worker|driver] [--workers N] [--config FILE]</c>:
/// starts a cluster node and keeps it running until Ctrl+C or SIGTERM, then leaves the cluster gracefully and exits 0.
/// Membership changes are printed one line each.
/// </summary>
internal static class NodeCommand
{
    /// <summary>Exit code when this node was downed or removed by the cluster (it did not leave by itself).</summary>
    public const int Removed = ExitCodes.ClusterUnavailable;

    /// <summary>How long a node waits for its graceful leave after Ctrl+C or SIGTERM before it stops anyway.</summary>
    public static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(20);

    public static Command Build()
    {
        var hostname = new Option<string>("--hostname") { Description = "Address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = NumberOptions.Int("--port", "Port to listen on (0: any free port).", 0, "-p");
        var publicHostname = new Option<string?>("--public-hostname") { Description = "Address other nodes reach this one by, if not --hostname (e.g. behind NAT or in a container)." };
        var seeds = new Option<string[]>("--seed") { Description = "A node to join, host:port or akka.tcp://actorparallel@host:port (repeatable). None: this node founds the cluster.", AllowMultipleArgumentsPerToken = false };
        var role = new Option<string>("--role") { Description = "worker (hosts worker actors for jobs) or driver.", DefaultValueFactory = _ => NodeRoles.Worker };
        var workers = NumberOptions.Int("--workers", $"Worker actors (and threads) this node gives each job, 1 to {Simulation.Lab.RunOptions.MaxWorkers}.", 2, "-w");
        var config = new Option<string?>("--config", "-c") { Description = "A HOCON file; its akka section goes to this node's actor system." };
        var command = new Command("node", "Start a cluster node and keep it running until Ctrl+C or SIGTERM; then leave the cluster and exit 0.")
        {
            hostname, port, publicHostname, seeds, role, workers, config,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new NodeOptions(
                result.GetValue(role)!, result.GetValue(seeds) ?? [], result.GetValue(hostname)!, result.GetValue(port),
                result.GetValue(publicHostname), result.GetValue(workers)),
            result.GetValue(config), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(NodeOptions options, string? configFile, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (options.Role is not (NodeRoles.Worker or NodeRoles.Driver))
            return Usage(error, $"--role '{options.Role}' is unknown; allowed: {NodeRoles.Worker}, {NodeRoles.Driver}");
        if (options.Port is < 0 or > 65535)
            return Usage(error, $"--port must be between 0 and 65535; got {options.Port}");
        if (options.Workers is < 1 or > Simulation.Lab.RunOptions.MaxWorkers)
            return Usage(error, $"--workers must be between 1 and {Simulation.Lab.RunOptions.MaxWorkers}; got {options.Workers}");
        try
        {
            foreach (var s in options.Seeds)
                LabCluster.SeedAddress(s);
        }
        catch (FormatException e)
        {
            return Usage(error, "--seed: " + e.Message);
        }

        HoconConfig? akka = null;
        try
        {
            if (configFile is not null)
                akka = SimulationSettings.LoadFile(configFile).Akka;
        }
        catch (HoconConfigException e)
        {
            error.WriteLine("error: " + e.Message);
            return ExitCodes.ConfigFile;
        }

        ActorSystem system;
        try
        {
            system = LabCluster.Start(options, user: akka);
        }
        catch (Exception e) when (e is Akka.Configuration.ConfigurationException or Akka.Remote.RemoteTransportException or System.Net.Sockets.SocketException or AggregateException)
        {
            error.WriteLine($"error: the node could not start on {options.Hostname}:{options.Port}: {Innermost(e).Message}. Fix: choose a free --port (or 0) and an address of this machine for --hostname.");
            return ExitCodes.BadInput;
        }

        var cluster = Akka.Cluster.Cluster.Get(system);
        var joining = options.Seeds.Count == 0 ? "founding a new cluster" : "joining " + string.Join(", ", options.Seeds);
        output.WriteLine($"node {cluster.SelfAddress} ({options.Role}{(options.Role == NodeRoles.Worker ? $", {options.Workers} workers" : "")}) {joining}; Ctrl+C leaves");
        system.ActorOf(Props.Create(() => new MembershipPrinter(output)), "membership-printer");

        var removed = system.WhenTerminated;
        var stop = Task.Delay(Timeout.Infinite, cancellationToken);
        var first = await Task.WhenAny(removed, stop).ConfigureAwait(false);
        if (first == removed)
        {
            // Akka ran CoordinatedShutdown itself: on SIGTERM (its process-exit hook) that is a graceful leave; when the
            // cluster downed this node it is not.
            var reason = CoordinatedShutdown.Get(system).ShutdownReason;
            if (reason is CoordinatedShutdown.ClusterDowningReason or CoordinatedShutdown.ClusterJoinUnsuccessfulReason)
            {
                error.WriteLine($"error: node {cluster.SelfAddress} was removed from the cluster ({reason.GetType().Name}: downed by the split-brain resolver or unable to join)");
                return Removed;
            }

            output.WriteLine($"node {cluster.SelfAddress} left");
            return 0;
        }

        output.WriteLine($"node {cluster.SelfAddress} leaving");
        try
        {
            await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClusterLeavingReason.Instance).WaitAsync(LeaveTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            error.WriteLine($"warning: leaving took longer than {LeaveTimeout.TotalSeconds:0} s; stopping anyway");
        }

        output.WriteLine($"node {cluster.SelfAddress} left");
        return 0;
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine("error: " + message);
        return ExitCodes.BadInput;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
            e = e.InnerException;
        return e;
    }

    /// <summary>Prints each membership change as one line.</summary>
    private sealed class MembershipPrinter : ReceiveActor
    {
        public MembershipPrinter(TextWriter output)
        {
            void Print(string what, Member m) => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{DateTime.Now:HH:mm:ss.fff} {what,-12} {m.Address} [{string.Join(",", m.Roles)}]"));
            Receive<ClusterEvent.MemberUp>(e => Print("up", e.Member));
            Receive<ClusterEvent.MemberLeft>(e => Print("leaving", e.Member));
            Receive<ClusterEvent.MemberExited>(e => Print("exited", e.Member));
            Receive<ClusterEvent.MemberRemoved>(e => Print("removed", e.Member));
            Receive<ClusterEvent.UnreachableMember>(e => Print("unreachable", e.Member));
            Receive<ClusterEvent.ReachableMember>(e => Print("reachable", e.Member));
            Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
        }

        protected override void PreStart() => Akka.Cluster.Cluster.Get(Context.System).Subscribe(
            Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));

        protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
    }
}
