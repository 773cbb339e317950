using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Serialization;
using ActorParallel.Simulation.Workloads;
using ActorParallel.Simulation.Workloads.Pi;
using Akka.Actor;
using Akka.Configuration;

namespace ActorParallel.Simulation.Tests.Serialization;

/// <summary>
/// Two nodes on 127.0.0.1 (Akka.Remote, port 0), both configured with serialization.conf: a batch of tasks
/// crosses the wire to a worker and its results come back; a payload the receiving node does not know (sent by a
/// node with one more registered type) is dropped and logged there, and the connection carries on.
/// </summary>
public sealed class RemoteWireTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Remote = """
        akka.loglevel = WARNING
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public RemoteWireTests()
        : base(NodeConfig(), "lab-node")
    {
    }

    [Fact]
    public async Task A_batch_of_tasks_crosses_the_wire_and_its_results_come_back()
    {
        Sys.ActorOf(Props.Create(() => new PiWorker()), "worker");
        var other = ActorSystem.Create("other-node", NodeConfig());
        try
        {
            var worker = await other.ActorSelection(Address(Sys) + "/user/worker").ResolveOne(Patience);
            var pi = (ITaskFarmWorkload)WorkloadRegistry.Default.Get("pi");
            var tasks = pi.Split(new WorkloadParameters(100_000, 8)).ToArray();

            var done = await worker.Ask<BatchDone>(new TaskBatch(4, 0, tasks, new int[tasks.Length]), Patience);

            Assert.Equal(4, done.BatchId);
            Deep.AssertEqual(tasks.Select(pi.Execute).ToArray(), done.Results);
        }
        finally
        {
            await other.Terminate().WaitAsync(Patience);
        }
    }

    [Fact]
    public async Task A_payload_of_a_type_this_node_does_not_know_is_dropped_and_logged_and_the_connection_stays_up()
    {
        Sys.ActorOf(Props.Create(() => new Forwarder(TestActor)), "inbox");
        var newer = LabWire.Create(WorkloadRegistry.Default, wire => wire.Add(
            "test.extra", static (w, e) => w.WriteInt32(e.Value), static (ref WireReader r) => new Extra(r.ReadInt32())));
        var setup = BootstrapSetup.Create().WithConfig(NodeConfig()).And(LabSerialization.Setup(newer));
        var other = ActorSystem.Create("newer-node", setup);
        try
        {
            var inbox = await other.ActorSelection(Address(Sys) + "/user/inbox").ResolveOne(Patience);
            await EventFilter.Warning(contains: "unknown manifest 'test.extra'").ExpectOneAsync(Patience, () =>
            {
                inbox.Tell(new TaskResult(1, new Extra(5)));
                return Task.CompletedTask;
            });

            inbox.Tell(new TaskResult(2, 7L));
            Assert.Equal(new TaskResult(2, 7L), await ExpectMsgAsync<TaskResult>(Patience));
            await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        }
        finally
        {
            await other.Terminate().WaitAsync(Patience);
        }
    }

    private static Config NodeConfig() => ConfigurationFactory.ParseString(Remote).WithFallback(LabSerialization.AkkaConfig());

    private static string Address(ActorSystem system) => ((ExtendedActorSystem)system).Provider.DefaultAddress.ToString();

    private sealed record Extra(int Value);

    /// <summary>A worker as the farm has them: runs a batch of pi tasks, answers with one BatchDone.</summary>
    private sealed class PiWorker : ReceiveActor
    {
        public PiWorker()
        {
            var pi = (ITaskFarmWorkload)WorkloadRegistry.Default.Get("pi");
            Receive<TaskBatch>(b => Sender.Tell(new BatchDone(0, b.BatchId, [.. b.Tasks.Select(pi.Execute)], new TimeSpan[b.Count])));
        }
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }
}
