using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Akka.Actor;
using ActorParallel.Cli.Commands;
using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Lab;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Tests;

/// <summary>
/// Real <c>node</c> processes on 127.0.0.1: a job keeps its answer when a worker node is killed (SIGKILL) or frozen
/// (SIGSTOP, then SIGCONT) mid-job. Every process is bounded in time and ended by its id.
/// </summary>
[Collection(NodeProcessCollection.Name)]
public sealed class NodeProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly NodeProcesses _nodes = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _nodes.DisposeAsync();

    [Fact]
    public async Task Node_leaves_the_cluster_and_exits_0_on_SIGTERM()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var port = FreePort();
        var node = StartNode(port, seed: null);
        await WaitForLineAsync(node, "up ");
        NodeProcesses.Signal(node, 15); // SIGTERM
        Assert.True(await NodeProcesses.ExitsWithin(node, TimeSpan.FromSeconds(20)), "the node did not exit after SIGTERM");
        Assert.Equal(0, node.ExitCode);
    }

    [Fact]
    public async Task Run_and_sweep_on_a_cluster_print_a_row_per_worker_node()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var port = FreePort();
        var node = StartNode(port, seed: null);
        await WaitForLineAsync(node, "up ");
        var seed = $"127.0.0.1:{port}";

        var run = await Task.Run(() => Cli.Run("run", "pi", "--cluster", seed, "--nodes", "1", "--size", "2000000", "--tasks", "8", "--no-tpl")).WaitAsync(Patience);
        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("bytes out", run.Out, StringComparison.Ordinal);
        Assert.Contains($"akka.tcp://actorparallel@127.0.0.1:{port}  1        8", run.Out, StringComparison.Ordinal);

        var sweep = await Task.Run(() => Cli.Run("sweep", "pi", "--cluster", seed, "--nodes", "1", "--repeats", "1", "--size", "2000000", "--tasks", "8", "--no-tpl")).WaitAsync(Patience);
        Assert.True(sweep.Code == 0, sweep.Err);
        Assert.Contains("| 1 | pull | 2000000 | 8 |", sweep.Out, StringComparison.Ordinal);

        var tooMany = await Task.Run(() => Cli.Run("sweep", "pi", "--cluster", seed, "--nodes", "1,2", "--wait", "2s", "--repeats", "1")).WaitAsync(Patience);
        Assert.Equal(5, tooMany.Code);
        Assert.Contains("only 1 of 2 worker nodes", tooMany.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_TLS_a_driver_with_the_cluster_s_certificate_runs_a_job_and_one_without_cannot_join()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var dir = new TempDirectory("ap-certs-");
        var (cluster, rogue) = (Path.Combine(dir.Path, "cluster"), Path.Combine(dir.Path, "rogue"));
        MakeCertificates(cluster, "seed", "driver");
        MakeCertificates(rogue, "intruder");
        string[] Tls(string folder, string name) =>
            ["--tls-cert", Path.Combine(folder, name + ".pfx"), "--tls-ca", Path.Combine(folder, "ca.crt"), "--tls-password", File.ReadAllText(Path.Combine(folder, "password"))];

        var port = FreePort();
        var node = StartNode(port, null, Tls(cluster, "seed"));
        await WaitForLineAsync(node, "up ");
        var seed = $"127.0.0.1:{port}";
        string[] job = ["run", "pi", "--cluster", seed, "--nodes", "1", "--size", "2000000", "--tasks", "4", "--no-tpl", "--wait", "4s"];

        var ok = await Task.Run(() => Cli.Run([.. job, .. Tls(cluster, "driver")])).WaitAsync(Patience);
        Assert.True(ok.Code == 0, ok.Err);
        Assert.Contains("akka.ssl.tcp://actorparallel@127.0.0.1", ok.Out, StringComparison.Ordinal);

        var intruder = await Task.Run(() => Cli.Run([.. job, .. Tls(rogue, "intruder")])).WaitAsync(Patience);
        Assert.Equal(5, intruder.Code);
        var plain = await Task.Run(() => Cli.Run(job)).WaitAsync(Patience);
        Assert.Equal(5, plain.Code);
        Assert.Contains("could not join the cluster", plain.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_refuses_a_reachable_address_without_TLS_unless_told_insecure()
    {
        var (code, _, err) = Cli.Run("node", "--hostname", "0.0.0.0", "--port", "0");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --hostname 0.0.0.0 can be reached from other machines", err, StringComparison.Ordinal);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var (half, _, halfErr) = Cli.Run("node", "--tls-cert", "x.pfx");
        Assert.Equal(2, half);
        Assert.Contains("--tls-cert needs --tls-ca too", halfErr, StringComparison.Ordinal);
    }

    /// <summary>Runs scripts/certs.sh: a CA and a certificate per node in <paramref name="folder"/>.</summary>
    private static void MakeCertificates(string folder, params string[] nodes)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ActorParallel.sln")))
            root = root.Parent;
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(root!.FullName, "scripts", "certs.sh"), folder }.Concat(nodes))
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var err = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "certs.sh did not finish in 60 s");
        Assert.True(process.ExitCode == 0, "certs.sh failed: " + err.Result);
    }

    [Fact]
    public void Nodes_without_a_cluster_is_a_clear_error()
    {
        var (code, _, err) = Cli.Run("sweep", "pi", "--nodes", "1,2");
        Assert.Equal(2, code);
        Assert.Contains("--nodes sweeps worker nodes and needs --cluster", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kill")]
    [InlineData("freeze")]
    public async Task A_job_keeps_its_answer_when_a_worker_node_is_lost_mid_job(string fault)
    {
        if (!OperatingSystem.IsLinux())
            return;
        var seedPort = FreePort();
        var seed = StartNode(seedPort, seed: null);
        await WaitForLineAsync(seed, "up ");
        var victim = StartNode(FreePort(), seed: $"127.0.0.1:{seedPort}");

        await using var cluster = await ClusterLab.ConnectAsync($"127.0.0.1:{seedPort}", 2, Patience);
        var victimAddress = LabCluster.WorkerNodes(cluster.System).Single(a => a.Port != seedPort);

        // Tasks of ~40-80 ms on two nodes sharing two cores: a few seconds, long enough on an idle machine to strike mid-job.
        var run = new RunOptions("pi") { Size = 800_000_000, Tasks = 96, SkipTpl = true, BatchTime = "0" };
        var job = cluster.Lab.RunAsync(run);

        // Once the victim has made the job's workers it holds batches: strike then.
        // (A job that ends first, or fails to start, ends the wait: its own error then says why.)
        // (The engine's jobs 1 and 2 are the warm-ups, the small jobs it runs before the timed one.)
        await AwaitAsync(async () => job.IsCompleted || await NodeProcesses.HoldsJob(cluster.System, victimAddress, "job-3-*"), () => "the victim never held the job's workers");
        Assert.False(job.IsCompleted, "the job ended before a node could be lost: " + (job.IsFaulted ? job.Exception!.GetBaseException().Message : "it was too short"));
        if (fault == "kill")
        {
            victim.Kill(); // SIGKILL
        }
        else
        {
            NodeProcesses.Signal(victim, 19); // SIGSTOP
        }

        var report = await job.WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(report.Correct, report.Check);
        Assert.Equal(96, report.Metrics!.TasksCompleted);
        Assert.True(report.Metrics.Reissued + report.Metrics.Speculated > 0, "the lost node held tasks: they were re-issued, or copied when it fell silent");

        if (fault == "freeze")
        {
            // Kept frozen until the cluster has downed and removed it (a few seconds after it became unreachable);
            // once resumed it finds itself removed and its process ends (exit 5), leaving the job alone.
            await AwaitAsync(() => Task.FromResult(Akka.Cluster.Cluster.Get(cluster.System).State.Members.All(m => m.Address != victimAddress)),
                () => "the frozen node was never removed from the cluster");
            NodeProcesses.Signal(victim, 18); // SIGCONT
            Assert.True(await NodeProcesses.ExitsWithin(victim, TimeSpan.FromSeconds(30)), "the resumed node did not stop after being downed: " + _nodes.Lines(victim));
            Assert.Equal(NodeCommand.Removed, victim.ExitCode);
        }
    }

    private Process StartNode(int port, string? seed, params string[] more)
    {
        var info = new ProcessStartInfo("dotnet");
        foreach (var arg in new[] { NodeProcesses.CliDll, "node", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--workers", "1" }.Concat(more))
            info.ArgumentList.Add(arg);
        if (seed is not null)
        {
            info.ArgumentList.Add("--seed");
            info.ArgumentList.Add(seed);
        }

        return _nodes.Start(info);
    }

    private Task WaitForLineAsync(Process process, string text) =>
        AwaitAsync(() => Task.FromResult(_nodes.Printed(process, text)), () => $"node {process.Id} never printed '{text}': {_nodes.Lines(process)}");

    private static async Task AwaitAsync(Func<Task<bool>> condition, Func<string>? why = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, why?.Invoke() ?? "condition not met in time");
            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The node-process tests run one at a time: each starts processes that share the machine's two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NodeProcessCollection
{
    public const string Name = "node processes";
}
