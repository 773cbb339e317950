using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Akka.Actor;
using Akka.Cluster;
using ActorParallel.Cli.Commands;
using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Lab;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorParallel.Cli.Tests;

/// <summary>
/// Network partitions with real <c>node</c> processes: a worker node runs in its own network namespace, joined to the
/// host by a veth pair, and is cut off from the seed (also a worker node) and the driver mid-job by a drop rule on
/// both ends of the pair. A long cut: the split-brain resolver downs the minority side (the victim alone), the job
/// keeps its answer and counts every task once. A cut healed as soon as the driver sees it: the victim stays, its late
/// results count once. A short blip, healed before the failure detector gives up: the job goes on with the victim and
/// nothing is lost. Needs root (skipped with the reason otherwise); every process is
/// bounded in time and ended by its id, and the namespace and veth pair are deleted even when the test fails.
/// </summary>
[Collection(NodeProcessCollection.Name)]
public sealed class PartitionTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const int Tasks = 64;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly NodeProcesses _nodes = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private NetworkNamespace? _net;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _nodes.DisposeAsync();

        // After the processes: a namespace lives on while a process is inside it.
        _net?.Dispose();
    }

    [PartitionFact]
    public async Task A_worker_node_cut_off_mid_job_is_downed_by_the_split_brain_resolver_and_the_answer_counts_each_task_once()
    {
        var (cluster, victim, victimAddress) = await StartClusterAsync();
        await using var _ = cluster;
        var job = await StartJobOnVictimAsync(cluster, victimAddress);

        _net!.Cut();
        Note("cut");

        // The driver's failure detector notices within a few seconds: the victim's tasks go back to the queue.
        var state = Akka.Cluster.Cluster.Get(cluster.System);
        await AwaitAsync(() => state.State.Unreachable.Any(m => m.Address == victimAddress), () => "the driver never saw the cut-off node unreachable");
        Note("victim unreachable at the driver");

        // keep-oldest: the majority side holds the oldest node (the seed) and downs the victim; the victim, alone and
        // without the oldest, downs itself: its process ends by itself, exit 5, while the cut still holds.
        await AwaitAsync(() => state.State.Members.All(m => m.Address != victimAddress), () => "the cut-off node was never removed from the cluster");
        Note("victim removed by the majority");
        Assert.True(await NodeProcesses.ExitsWithin(victim, Patience), "the cut-off node did not stop after being downed: " + Lines(victim));
        Note("victim exited " + victim.ExitCode.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(NodeCommand.Removed, victim.ExitCode);
        Assert.Contains("ClusterDowningReason", Lines(victim), StringComparison.Ordinal);

        _net.Heal();
        Note("healed");
        var report = await job.WaitAsync(TimeSpan.FromSeconds(90));
        Note($"job ended: correct {report.Correct}, {report.Metrics!.TasksCompleted}/{Tasks} tasks, {report.Metrics.Reissued} re-issued, {report.Metrics.Speculated} copied, {report.Metrics.DuplicatesDropped} duplicates dropped");
        Assert.True(report.Correct, report.Check);
        Assert.Equal(Tasks, report.Metrics.TasksCompleted);
        Assert.True(report.Metrics.Reissued + report.Metrics.Speculated > 0, "the cut-off node held tasks: they were re-issued, or copied when it fell silent");

        // After the heal the majority is whole: nobody unreachable, the seed still up as a worker node.
        Assert.Empty(state.State.Unreachable);
        Assert.Single(LabCluster.WorkerNodes(cluster.System));
    }

    [PartitionFact]
    public async Task A_short_blip_healed_before_the_failure_detector_gives_up_loses_nothing()
    {
        var (cluster, victim, victimAddress) = await StartClusterAsync();
        await using var _ = cluster;
        var job = await StartJobOnVictimAsync(cluster, victimAddress);

        // 0.8 s without a packet either way, well inside the 2 s of heartbeats the failure detector tolerates;
        // TCP retransmits what was dropped once the link is back. (The delay is the fault itself, not a wait for one.)
        _net!.Cut();
        Note("cut");
        await Task.Delay(TimeSpan.FromMilliseconds(800));
        _net.Heal();
        Note("healed");

        var report = await job.WaitAsync(TimeSpan.FromSeconds(90));
        Note($"job ended: correct {report.Correct}, {report.Metrics!.TasksCompleted}/{Tasks} tasks, {report.Metrics.Reissued} re-issued, {report.Metrics.Speculated} copied, {report.Metrics.DuplicatesDropped} duplicates dropped");
        Assert.True(report.Correct, report.Check);
        Assert.Equal(Tasks, report.Metrics.TasksCompleted);

        // Nobody was downed: the victim is still an up member and its process still runs.
        var members = Akka.Cluster.Cluster.Get(cluster.System).State.Members;
        Assert.Contains(members, m => m.Address == victimAddress && m.Status == MemberStatus.Up);
        Assert.False(victim.HasExited, "the victim of a short blip stopped: " + Lines(victim));
    }

    [PartitionFact]
    public async Task A_cut_healed_once_the_driver_saw_it_keeps_the_node_and_counts_its_late_results_once()
    {
        var (cluster, victim, victimAddress) = await StartClusterAsync();
        await using var _ = cluster;
        var job = await StartJobOnVictimAsync(cluster, victimAddress);

        // Healed as soon as the driver sees the victim unreachable: its tasks are re-issued to the seed, while the
        // victim, alive all along, finishes them too and its results arrive once TCP retransmits them. The split-brain
        // resolver waits for 3 s of stable membership, so nobody is downed.
        _net!.Cut();
        Note("cut");
        var state = Akka.Cluster.Cluster.Get(cluster.System);
        await AwaitAsync(() => state.State.Unreachable.Any(m => m.Address == victimAddress), () => "the driver never saw the cut-off node unreachable");
        _net.Heal();
        Note("victim unreachable at the driver; healed");

        var report = await job.WaitAsync(TimeSpan.FromSeconds(90));
        Note($"job ended: correct {report.Correct}, {report.Metrics!.TasksCompleted}/{Tasks} tasks, {report.Metrics.Reissued} re-issued, {report.Metrics.Speculated} copied, {report.Metrics.DuplicatesDropped} duplicates dropped");
        Assert.True(report.Correct, report.Check);
        Assert.Equal(Tasks, report.Metrics.TasksCompleted);
        Assert.True(report.Metrics.Reissued + report.Metrics.Speculated > 0, "the cut-off node held tasks: they were re-issued, or copied when it fell silent");

        await AwaitAsync(() => state.State.Unreachable.IsEmpty, () => "the healed node never became reachable again");
        Note("victim reachable again");
        Assert.Contains(state.State.Members, m => m.Address == victimAddress && m.Status == MemberStatus.Up);
        Assert.False(victim.HasExited, "the healed node stopped: " + Lines(victim));
    }

    [Fact]
    public void A_driver_refuses_a_reachable_address_without_TLS_unless_told_insecure()
    {
        var (code, _, err) = Cli.Run("run", "pi", "--cluster", "10.213.0.1:4053", "--hostname", "10.213.0.2");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --hostname 10.213.0.2 can be reached from other machines", err, StringComparison.Ordinal);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var (sweep, _, sweepErr) = Cli.Run("sweep", "pi", "--cluster", "10.213.0.1:4053", "--nodes", "1", "--hostname", "10.213.0.2");
        Assert.Equal(2, sweep);
        Assert.Contains("error: --hostname 10.213.0.2 can be reached from other machines", sweepErr, StringComparison.Ordinal);
    }

    /// <summary>
    /// The seed (a worker node, the oldest) on the host side of the veth pair, the victim worker node inside the namespace,
    /// and this test's driver on the host side: every node listens on the pair's addresses, so all reach each other.
    /// </summary>
    private async Task<(ClusterLab Cluster, Process Victim, Address VictimAddress)> StartClusterAsync()
    {
        _net = NetworkNamespace.Create();
        var host = _net.HostAddress;
        var seedPort = FreePort(host);
        var seedAddress = $"{host}:{seedPort}";
        var seed = StartNode(null, host, seedPort, null);
        await WaitForLineAsync(seed, "up ");
        var victim = StartNode(_net.Name, _net.InnerAddress, 4053, seedAddress);
        var cluster = await ClusterLab.ConnectAsync(seedAddress, 2, Patience, hostname: host);
        try
        {
            var victimAddress = LabCluster.WorkerNodes(cluster.System).Single(a => a.Host == _net.InnerAddress);
            Note("cluster up");
            return (cluster, victim, victimAddress);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a job of 64 tasks of 100 ms and returns once the victim holds the job's workers.</summary>
    /// <remarks>
    /// Simulated I/O (a wait, no core) keeps the job's length the same on a loaded machine, and the serial reference is
    /// run once, untimed: about 6 s for the reference, 3 s for the job on two nodes.
    /// </remarks>
    private async Task<Task<Simulation.Experiments.JobReport>> StartJobOnVictimAsync(ClusterLab cluster, Address victimAddress)
    {
        var run = new RunOptions("io") { Size = Tasks, Tasks = Tasks, Options = ["latency-ms=100"], SkipTpl = true, BatchTime = "0" };
        var plan = cluster.Lab.Plan(run);
        plan = plan with { Request = plan.Request with { MeasureSerial = false } };
        var job = RunAsync();
        // (The engine's jobs 1 and 2 are the warm-ups, the small jobs it runs before the timed one.)
        await AwaitAsync(async () => job.IsCompleted || await NodeProcesses.HoldsJob(cluster.System, victimAddress, "job-3-*"), () => "the victim never held the job's workers");
        Assert.False(job.IsCompleted, "the job ended before the node could be cut off: " + (job.IsFaulted ? job.Exception!.GetBaseException().Message : "it was too short"));
        Note("victim holds the job's workers");
        return job;

        async Task<Simulation.Experiments.JobReport> RunAsync() => (await cluster.Lab.RunAsync(plan)).Report;
    }

    private void Note(string what) => log.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.00} s  {what}");

    /// <summary>A <c>node</c> process listening on <paramref name="hostname"/>, inside network namespace <paramref name="netns"/> if given.</summary>
    private Process StartNode(string? netns, string hostname, int port, string? seed)
    {
        var info = new ProcessStartInfo(netns is null ? "dotnet" : "ip");
        // `ip netns exec` enters the namespace and execs the command: the process keeps its id, so it is ended by it.
        string[] prefix = netns is null ? [] : ["netns", "exec", netns, "dotnet"];
        string[] args = [NodeProcesses.CliDll, "node", "--hostname", hostname, "--port", port.ToString(CultureInfo.InvariantCulture), "--workers", "1", "--insecure"];
        foreach (var arg in prefix.Concat(args).Concat(seed is null ? [] : ["--seed", seed]))
            info.ArgumentList.Add(arg);
        return _nodes.Start(info);
    }

    private string Lines(Process process) => _nodes.Lines(process);

    private Task WaitForLineAsync(Process process, string text) =>
        AwaitAsync(() => _nodes.Printed(process, text), () => $"node {process.Id} never printed '{text}': {Lines(process)}");

    private static Task AwaitAsync(Func<bool> condition, Func<string> why) => AwaitAsync(() => Task.FromResult(condition()), why);

    private static async Task AwaitAsync(Func<Task<bool>> condition, Func<string> why)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, why());
            await Task.Delay(50);
        }
    }

    private static int FreePort(string address)
    {
        using var listener = new TcpListener(IPAddress.Parse(address), 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A network namespace joined to the host by a veth pair with private addresses (10.213.N.1 on the host, 10.213.N.2
/// inside), named uniquely per use and deleted on dispose. <see cref="Cut"/> drops every packet both ways; <see cref="Heal"/>
/// lets them through again.
/// </summary>
/// <remarks>
/// The drop rule is a <c>pfifo</c> queue of length 0 as the root qdisc of both ends: every packet leaving either end
/// is dropped silently, as on a dead link, and the sockets see nothing but silence (no reset, no ICMP error), so only
/// the failure detector can tell. These machines have neither iptables/nft nor the tc drop action or netem modules;
/// a blackhole or prohibit route answers local senders with an error at once instead, and a link set down takes its
/// route with it. Neighbour entries are permanent, so that ARP failures during the cut do not outlast the heal.
/// </remarks>
internal sealed class NetworkNamespace : IDisposable
{
    private NetworkNamespace(string id, int subnet)
    {
        Name = "ap-part-" + id;
        (HostEnd, InnerEnd) = ("aph" + id, "apn" + id);
        (HostAddress, InnerAddress) = ($"10.213.{subnet}.1", $"10.213.{subnet}.2");
    }

    public string Name { get; }

    public string HostEnd { get; }

    public string InnerEnd { get; }

    public string HostAddress { get; }

    public string InnerAddress { get; }

    /// <summary>Why partitions cannot be made here, or null when they can (checked once by making and deleting one).</summary>
    public static string? Unavailable => Probe.Value;

    private static readonly Lazy<string?> Probe = new(() =>
    {
        if (!OperatingSystem.IsLinux())
            return "network namespaces need Linux";
        if (NativeMethods.geteuid() != 0)
            return "making network namespaces and veth pairs needs root (ip netns add)";
        try
        {
            using var probe = Create();
            probe.Cut();
            probe.Heal();
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "network namespaces are not allowed here: " + e.Message;
        }
    });

    public static NetworkNamespace Create()
    {
        // Third octet and names from one random number: a leftover of a killed run, or a run beside this one, differs.
        var n = Random.Shared.Next(1, 255);
        var net = new NetworkNamespace(n.ToString("x2", CultureInfo.InvariantCulture) + Random.Shared.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture), n);
        try
        {
            net.Setup();
            return net;
        }
        catch
        {
            net.Dispose();
            throw;
        }
    }

    private void Setup()
    {
        Ip("netns", "add", Name);
        Ip("link", "add", HostEnd, "type", "veth", "peer", "name", InnerEnd);
        Ip("link", "set", InnerEnd, "netns", Name);
        Ip("addr", "add", HostAddress + "/30", "dev", HostEnd);
        Ip("link", "set", HostEnd, "up");
        Ip("-n", Name, "addr", "add", InnerAddress + "/30", "dev", InnerEnd);
        Ip("-n", Name, "link", "set", InnerEnd, "up");
        Ip("-n", Name, "link", "set", "lo", "up");
        var hostMac = Run("cat", $"/sys/class/net/{HostEnd}/address").Trim();
        var innerMac = Run("ip", "netns", "exec", Name, "cat", $"/sys/class/net/{InnerEnd}/address").Trim();
        Ip("neigh", "replace", InnerAddress, "lladdr", innerMac, "dev", HostEnd, "nud", "permanent");
        Ip("-n", Name, "neigh", "replace", HostAddress, "lladdr", hostMac, "dev", InnerEnd, "nud", "permanent");
    }

    /// <summary>Drops every packet both ways.</summary>
    public void Cut()
    {
        Run("tc", "qdisc", "replace", "dev", HostEnd, "root", "pfifo", "limit", "0");
        Run("tc", "-n", Name, "qdisc", "replace", "dev", InnerEnd, "root", "pfifo", "limit", "0");
    }

    /// <summary>Lets packets through again.</summary>
    public void Heal()
    {
        Run("tc", "qdisc", "del", "dev", HostEnd, "root");
        Run("tc", "-n", Name, "qdisc", "del", "dev", InnerEnd, "root");
    }

    /// <summary>Deletes the veth pair (both ends) and the namespace, ignoring what was never made.</summary>
    public void Dispose()
    {
        TryRun("ip", "link", "del", HostEnd);
        TryRun("ip", "netns", "del", Name);
    }

    private static void Ip(params string[] args) => Run("ip", args);

    private static string Run(string file, params string[] args)
    {
        var (code, output, error) = Exec(file, args);
        if (code != 0)
            throw new InvalidOperationException($"`{file} {string.Join(' ', args)}` failed ({code}): {error.Trim()}");
        return output;
    }

    private static void TryRun(string file, params string[] args)
    {
        try
        {
            _ = Exec(file, args);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
    }

    private static (int Code, string Out, string Err) Exec(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(10_000))
        {
            process.Kill();
            throw new InvalidOperationException($"`{file} {string.Join(' ', args)}` did not finish in 10 s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static class NativeMethods
    {
        [DllImport("libc")]
        internal static extern uint geteuid();
    }
}

/// <summary>A fact that needs network namespaces: skipped, with the reason, where they cannot be made.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Xunit.Sdk.FactDiscoverer", "xunit.execution.{Platform}")]
public sealed class PartitionFactAttribute : FactAttribute
{
    public PartitionFactAttribute()
    {
        if (NetworkNamespace.Unavailable is { } reason)
            Skip = reason;
    }
}
