using ActorParallel.Simulation.Configuration;
using Akka.Actor;
using Akka.Routing;

namespace ActorParallel.Simulation.Tests.Configuration;

/// <summary>
/// End to end: an ActorSystem created from a handed-over configuration (our parser resolved the substitutions and
/// the self-reference) runs a custom dispatcher and deploys routers from the deployment section, quoted wildcard
/// key included. TestKit terminates the system when the test ends.
/// </summary>
public sealed class AkkaHandOverSystemTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Hocon = """
        lab { workers = 3, fan-out = 2, throughput = 7 }
        lab.throughput = ${?AP_HANDOVER_SURELY_UNSET_THROUGHPUT}
        handover-dispatcher {
          type = Dispatcher
          throughput = ${lab.throughput}
        }
        akka {
          loglevel = WARNING
          actor.deployment {
            /workers {
              router = round-robin-pool
              nr-of-instances = ${lab.workers}
            }
            "/supervisor/*" {
              router = broadcast-pool
              nr-of-instances = ${lab.fan-out}
            }
          }
        }
        """;

    public AkkaHandOverSystemTests()
        : base(AkkaHandOver.ParseString(Hocon), "handover")
    {
    }

    [Fact]
    public async Task A_handed_over_deployment_gives_the_router_its_routees_on_the_custom_dispatcher()
    {
        Assert.Equal(7, Sys.Dispatchers.Lookup("handover-dispatcher").Throughput);

        var workers = Sys.ActorOf(Props.Create(() => new Reporter()).WithDispatcher("handover-dispatcher").WithRouter(FromConfig.Instance), "workers");
        var routees = await workers.Ask<Routees>(GetRoutees.Instance, TimeSpan.FromSeconds(5));
        Assert.Equal(3, routees.Members.Count());

        // Round robin: three asks reach the three routees, each running on the handed-over dispatcher.
        var reports = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            reports.Add(await workers.Ask<string>("report", TimeSpan.FromSeconds(5)));
        }

        Assert.Equal(3, reports.Distinct(StringComparer.Ordinal).Count());
        Assert.All(reports, r => Assert.EndsWith(" on handover-dispatcher", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_quoted_wildcard_deployment_path_reaches_the_deployer()
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor()), "supervisor");
        var routees = await supervisor.Ask<Routees>(GetRoutees.Instance, TimeSpan.FromSeconds(5));
        Assert.Equal(2, routees.Members.Count());
    }

    private sealed class Reporter : ReceiveActor
    {
        public Reporter() => Receive<string>(_ => Sender.Tell($"{Self.Path.Name} on {Context.Dispatcher.Id}"));
    }

    /// <summary>Creates a pool configured by "/supervisor/*" and forwards GetRoutees to it.</summary>
    private sealed class Supervisor : ReceiveActor
    {
        public Supervisor()
        {
            var pool = Context.ActorOf(Props.Create(() => new Reporter()).WithRouter(FromConfig.Instance), "pool");
            Receive<GetRoutees>(message => pool.Forward(message));
        }
    }
}
