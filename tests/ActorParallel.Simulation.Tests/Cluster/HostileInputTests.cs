using System.Collections.Concurrent;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Event;
using Akka.Serialization;
using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Tests.Engine;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Cluster;

/// <summary>
/// Hostile bytes at a worker node's port while it runs a job: raw garbage, a length prefix of 2 GB, a connection that
/// never says anything, a payload of an unregistered type (JSON) and corrupt bytes under our serializer's id from a real
/// Akka.NET system. Each is dropped (the garbage connections are closed by the node, the bad payloads logged and
/// refused with a warning while the association stays up), the job in progress keeps its answer, and the node serves the next job.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly List<ActorSystem> _systems = [];
    private ActorSystem _driver = null!;
    private ActorSystem _worker = null!;

    public async Task InitializeAsync()
    {
        _driver = LabCluster.Start(new NodeOptions(NodeRoles.Driver, [], Workers: 1));
        _systems.Add(_driver);
        var seed = Akka.Cluster.Cluster.Get(_driver).SelfAddress.ToString();
        _worker = LabCluster.Start(new NodeOptions(NodeRoles.Worker, [seed], Workers: 2));
        _systems.Add(_worker);
        Assert.True(await LabCluster.WaitForWorkersAsync(_driver, 1, Patience), "the worker node did not come up");
    }

    public async Task DisposeAsync()
    {
        foreach (var s in _systems)
            await s.Terminate().WaitAsync(Patience);
    }

    [Fact]
    public async Task A_node_drops_hostile_bytes_and_bad_payloads_and_keeps_serving_its_job()
    {
        var logged = new ConcurrentQueue<string>();
        var listener = _worker.ActorOf(Props.Create(() => new LogCollector(logged)));
        _worker.EventStream.Subscribe(listener, typeof(LogEvent));
        var port = Akka.Cluster.Cluster.Get(_worker).SelfAddress.Port!.Value;
        var before = GC.GetTotalMemory(forceFullCollection: true);

        // A job of a few seconds (tasks of ~10-20 ms) on the node under attack.
        var runner = new JobRunner(WorkloadRegistry.Default, new ClusterEngine(_driver));
        var job = runner.RunAsync(new JobRequest("pi", new WorkloadParameters(150_000_000, 60), 2)
        {
            MeasureTpl = false, Batching = BatchPolicy.None,
        });

        // Raw TCP: garbage, then a frame header claiming 2 GB, then a connection that stays silent.
        var garbage = new byte[64 * 1024];
        Random.Shared.NextBytes(garbage);
        var closedByNode = 0;
        for (var i = 0; i < 16; i++)
        {
            if (await SendAndAwaitCloseAsync(port, garbage))
                closedByNode++;
        }

        var huge = new byte[1024];
        huge[0] = 0x7F;
        huge[1] = huge[2] = huge[3] = 0xFF;
        var hugeClosed = await SendAndAwaitCloseAsync(port, huge);
        using var silent = new TcpClient();
        await silent.ConnectAsync("127.0.0.1", port);

        // A real Akka.NET system (not a cluster member) sends what the node must refuse: an unregistered type as JSON,
        // and corrupt bytes that claim to be one of our registered messages.
        var foreign = ActorSystem.Create("actorparallel", Akka.Configuration.ConfigurationFactory.ParseString($$"""
            akka.actor.provider = remote
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
            akka.actor.serializers.forged = "{{typeof(ForgedSerializer).AssemblyQualifiedName}}"
            akka.actor.serialization-bindings {
              "{{typeof(Forged).AssemblyQualifiedName}}" = forged
            }
            akka.loglevel = OFF
            """));
        _systems.Add(foreign);
        var node = foreign.ActorSelection($"akka.tcp://actorparallel@127.0.0.1:{port}/user/{NodeRoles.NodeActorName}");
        node.Tell(new Unregistered("run this"));
        node.Tell(new Forged());

        var report = await job.WaitAsync(Patience);
        Assert.True(report.Correct, report.Check);
        Assert.Equal(60, report.Metrics!.TasksCompleted);
        Assert.Equal(16, closedByNode);
        Assert.True(hugeClosed, "the node kept a connection open after a 2 GB length prefix");

        // Both bad payloads were refused, each with a warning naming its serializer, and the association stayed up.
        static bool Refused(string line, string payload) =>
            line.Contains("Deserialization failed", StringComparison.Ordinal) && line.Contains(payload, StringComparison.Ordinal);
        await AwaitAsync(() => logged.Any(l => Refused(l, "[SerializerId=1,")), () => "the JSON payload was not refused in the log: see " + Dump(logged));
        await AwaitAsync(() => logged.Any(l => Refused(l, "[SerializerId=731, Manifest=c.provide]")), () => "the corrupt payload was not refused in the log: see " + Dump(logged));

        // The node serves the next job, and what it was sent did not pile up in memory.
        var next = await runner.RunAsync(new JobRequest("pi", EngineTests.Small("pi"), 2) { MeasureTpl = false }).WaitAsync(Patience);
        Assert.True(next.Correct, next.Check);
        var grown = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.True(grown < 64L * 1024 * 1024, $"memory grew by {grown / 1e6:0.#} MB after 1 MB of garbage");
    }

    /// <summary>Connects, writes <paramref name="bytes"/>, and reports whether the node closed the connection within 20 s.</summary>
    private static async Task<bool> SendAndAwaitCloseAsync(int port, byte[] bytes)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(bytes);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var buffer = new byte[4096];
            while (await stream.ReadAsync(buffer, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true; // reset by the node
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string Dump(IEnumerable<string> logged)
    {
        var path = Path.Combine(Path.GetTempPath(), "hostile-input-log.txt");
        File.WriteAllLines(path, logged);
        return path;
    }

    private static async Task AwaitAsync(Func<bool> condition, Func<string> because)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, because());
            await Task.Delay(20);
        }
    }

    /// <summary>A type no node registers: it can only travel as JSON, which the lab's nodes refuse.</summary>
    public sealed record Unregistered(string Command);

    /// <summary>Sent with <see cref="ForgedSerializer"/>: bytes that claim to be a ProvideWorkers.</summary>
    public sealed record Forged;

    /// <summary>Writes garbage under the lab serializer's id and a registered manifest.</summary>
    public sealed class ForgedSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
    {
        public override int Identifier => Simulation.Serialization.LabSerializer.Id;

        public override string Manifest(object o) => "c.provide";

        public override byte[] ToBinary(object obj) => [0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3];

        public override object FromBinary(byte[] bytes, string manifest) => new Forged();
    }

    private sealed class LogCollector : ReceiveActor
    {
        public LogCollector(ConcurrentQueue<string> logged) => Receive<LogEvent>(e => logged.Enqueue($"{e.LogLevel()} {e.LogSource}: {e.Message} {e.Cause?.Message}"));
    }
}
