using System.CommandLine;
using System.Globalization;
using System.Text;
using Akka.Actor;
using Akka.Cluster;
using ActorParallel.Simulation.Cluster;

namespace ActorParallel.Cli.Commands;

/// <summary>
/// <c>cluster status --seed ADDRESS</c>: joins the cluster for a moment as a driver, prints every member (address,
/// roles, status, reachability, worker actors per job, jobs in progress), and leaves.
/// </summary>
internal static class ClusterCommand
{
    public static Command Build()
    {
        var seed = new Option<string>("--seed") { Description = "A node of the cluster: host:port or akka.tcp://actorparallel@host:port.", Required = true };
        var wait = new Option<string>("--wait") { Description = "How long to wait to join.", DefaultValueFactory = _ => "10s" };
        var status = new Command("status", "Show the cluster's members: address, roles, status, reachability, workers per job, jobs in progress.") { seed, wait };
        status.SetAction((result, cancellationToken) =>
        {
            var (output, error) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            return new CommandGuard(output, error, json: false).RunAsync(
                () => StatusAsync(result.GetValue(seed)!, result.GetValue(wait)!, output, error, cancellationToken), cancellationToken);
        });
        return new Command("cluster", "Look at a running cluster.") { status };
    }

    internal static async Task<int> StatusAsync(string seed, string wait, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        TimeSpan waitFor;
        try
        {
            LabCluster.SeedAddress(seed);
            waitFor = Simulation.Lab.RunOptions.ParseDuration(wait, "--wait");
        }
        catch (Exception e) when (e is FormatException or Simulation.Workloads.WorkloadParameterException)
        {
            error.WriteLine("error: " + e.Message);
            return ExitCodes.BadInput;
        }

        ClusterLab lab;
        try
        {
            lab = await ClusterLab.ConnectAsync(seed, 0, waitFor, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterUnavailableException e)
        {
            error.WriteLine("error: " + e.Message);
            return ExitCodes.ClusterUnavailable;
        }

        await using (lab.ConfigureAwait(false))
        {
            var cluster = Akka.Cluster.Cluster.Get(lab.System);
            var state = cluster.State;
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"cluster at {seed}: {state.Members.Count(m => m.Address != cluster.SelfAddress)} members (leader {state.Leader})");
            foreach (var m in state.Members.Where(m => m.Address != cluster.SelfAddress).OrderBy(m => m.Address.ToString(), StringComparer.Ordinal))
            {
                var reachable = state.Unreachable.Contains(m) ? "unreachable" : "reachable";
                var detail = "";
                if (m.HasRole(NodeRoles.Worker))
                {
                    try
                    {
                        var s = await lab.System.ActorSelection(new RootActorPath(m.Address) / "user" / NodeRoles.NodeActorName)
                            .Ask<NodeStatus>(GetNodeStatus.Instance, TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
                        detail = $", {s.WorkersPerJob} workers per job, {(s.Jobs.Length == 0 ? "idle" : $"jobs: {string.Join(" ", s.Jobs)}")}, build {s.Version}";
                    }
                    catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
                    {
                        detail = ", did not answer";
                    }
                }

                text.AppendLine(CultureInfo.InvariantCulture, $"  {m.Address} [{string.Join(",", m.Roles)}] {m.Status.ToString().ToLowerInvariant()}, {reachable}{detail}");
            }

            output.Write(text.ToString());
        }

        return 0;
    }
}
