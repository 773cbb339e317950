using Akka.Actor;
using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Cluster;

/// <summary>
/// The soak's parts in one process: a driver and two worker nodes on 127.0.0.1 (port 0). A short soak of every workload
/// gets every answer right with no dead letter on the driver, every node answers the memory query with its heap and no
/// job held, and the tally counts what a system could not deliver.
/// </summary>
public sealed class SoakTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly List<ActorSystem> _systems = [];
    private ActorSystem _driver = null!;

    public async Task InitializeAsync()
    {
        _driver = Start(NodeRoles.Driver, []);
        var up = new TaskCompletionSource();
        Akka.Cluster.Cluster.Get(_driver).RegisterOnMemberUp(up.SetResult);
        await up.Task.WaitAsync(Patience);
        var seed = Akka.Cluster.Cluster.Get(_driver).SelfAddress.ToString();
        Start(NodeRoles.Worker, [seed]);
        Start(NodeRoles.Worker, [seed]);
        Assert.True(await LabCluster.WaitForWorkersAsync(_driver, 2, Patience), "two worker nodes did not come up");
    }

    public async Task DisposeAsync()
    {
        foreach (var s in _systems)
            await s.Terminate().WaitAsync(Patience);
    }

    private ActorSystem Start(string role, IReadOnlyList<string> seeds)
    {
        var system = LabCluster.Start(new NodeOptions(role, seeds, Workers: 1));
        _systems.Add(system);
        return system;
    }

    [Fact]
    public async Task A_short_soak_of_every_workload_is_all_right_and_samples_every_node()
    {
        // Two rounds of every workload in its first two variants, memory sampled after the warm-up, every 8 jobs and at the end.
        var options = new SoakOptions(SoakMix.Default, Jobs: 16, Warmup: 16, SampleEvery: 8);
        var lines = new List<string>();

        var report = await new SoakRunner(_driver, WorkloadRegistry.Default).RunAsync(options, new Progress(lines)).WaitAsync(Patience);

        Assert.True(report.Wrong == 0 && report.Failed == 0, string.Join("; ", report.Failures));
        Assert.Equal(32, report.Right);
        Assert.True(report.UnexpectedDeadLetters == 0, report.ToText());
        Assert.Equal([16, 24, 32], report.Samples.Select(s => s.Jobs));
        Assert.All(report.Samples, s => Assert.Equal(2, s.Nodes.Count));
        Assert.All(report.Memory, m =>
        {
            Assert.Equal(3, m.Samples);
            Assert.True(m.Last!.HeapBytes > 0 && m.Last.WorkingSetBytes > 0, m.Name);
            Assert.False(double.IsNaN(m.HeapGrowthPercent), m.Name);
        });
        Assert.All(report.Memory.Skip(1), m => Assert.Equal(0, m.Last!.Jobs));
        Assert.Contains(lines, l => l.StartsWith("soak: 32/32 jobs, 0 wrong, 0 failed", StringComparison.Ordinal));
        Assert.Contains("answers: 32 right, 0 wrong, 0 jobs failed", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_reports_its_memory_and_the_messages_it_could_not_deliver()
    {
        var worker = _systems[1];
        var node = Akka.Cluster.Cluster.Get(worker).SelfAddress;
        var lab = _driver.ActorSelection(new RootActorPath(node) / "user" / NodeRoles.NodeActorName);
        var before = await lab.Ask<NodeVitals>(GetNodeVitals.Instance, Patience);
        Assert.True(before.HeapBytes > 0 && before.WorkingSetBytes > before.HeapBytes / 2, $"{before}");
        Assert.Equal(0, before.Jobs);

        // A message to an actor that is gone is a dead letter on the node that had it.
        var gone = worker.ActorOf(Props.Empty);
        worker.Stop(gone);
        await AwaitAsync(async () => (await gone.Ask<ActorIdentity>(new Identify(1), Patience)).Subject is null);
        gone.Tell("lost");

        await AwaitAsync(async () => (await lab.Ask<NodeVitals>(GetNodeVitals.Instance, Patience)).DeadLetters > before.DeadLetters);
    }

    [Fact]
    public async Task The_tally_counts_dead_letters_and_unhandled_messages_by_type()
    {
        var tally = DeadLetterTally.Start(_driver);
        var gone = _driver.ActorOf(Props.Empty);
        _driver.Stop(gone);
        await AwaitAsync(async () => (await gone.Ask<ActorIdentity>(new Identify(1), Patience)).Subject is null);
        var deaf = _driver.ActorOf(Props.Create(() => new Deaf()));

        gone.Tell("lost");
        deaf.Tell(42);

        await AwaitAsync(() => Task.FromResult(tally.Snapshot() is { DeadLetters: >= 1, Unhandled: >= 1 }));
        Assert.Contains(tally.Entries, e => e is { Kind: DeadLetterTally.Kinds.DeadLetter, MessageType: "String" });
        Assert.Contains(tally.Entries, e => e is { Kind: DeadLetterTally.Kinds.Unhandled, MessageType: "Int32" } && e.Recipient.EndsWith(deaf.Path.Name, StringComparison.Ordinal));
        Assert.False(SoakReport.IsExpected(tally.Entries.First(e => e.Kind == DeadLetterTally.Kinds.DeadLetter)));
        Assert.True(SoakReport.IsExpected(new DeadLetterTally.Entry(DeadLetterTally.Kinds.Suppressed, "Heartbeat", 3, "x", "y")));
    }

    [Fact]
    public void Growth_is_read_off_the_least_squares_line_so_one_crest_does_not_make_a_leak()
    {
        // A bounded saw-tooth (a cache filling and evicting) of four periods: the end samples differ by 8%, the line by 2.4%.
        var band = Enumerable.Range(0, 12).Select(i => (i * 10, 100.0 + (4 * (i % 3)))).ToList();
        Assert.InRange(SoakReport.TrendGrowth(band), 2, 3);

        // A steady leak of 1 per job from 100 over 50 jobs: +50%, whatever the noise.
        var leak = Enumerable.Range(0, 6).Select(i => (i * 10, 100.0 + (i * 10) + (i % 2 == 0 ? 1 : -1))).ToList();
        Assert.InRange(SoakReport.TrendGrowth(leak), 45, 55);
        Assert.True(double.IsNaN(SoakReport.TrendGrowth([(0, 100)])));
    }

    [Fact]
    public void The_mix_varies_each_workload_s_parameters_from_round_to_round()
    {
        var workloads = SoakMix.Default;
        var first = SoakMix.Job(workloads, 0);
        var next = SoakMix.Job(workloads, workloads.Count);
        Assert.Equal("pi", first.Workload);
        Assert.Equal("pi", next.Workload);
        Assert.NotEqual((first.Size, first.Seed), (next.Size, next.Seed));
        Assert.Equal(first, SoakMix.Job(workloads, workloads.Count * SoakMix.Variants));
        Assert.Equal("heat", SoakMix.Job(workloads, 7).Workload);
    }

    private static async Task AwaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }

    private sealed class Progress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
                lines.Add(value);
        }
    }

    private sealed class Deaf : ReceiveActor
    {
        public Deaf() => Receive<string>(_ => { });
    }
}
