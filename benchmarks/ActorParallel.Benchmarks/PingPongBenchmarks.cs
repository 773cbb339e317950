using ActorParallel.Actor;
using ActorParallel.Cli.Bench.Scenarios;
using BenchmarkDotNet.Attributes;

namespace ActorParallel.Benchmarks;

/// <summary>
/// Ping-pong with 1, 2, 4 and 8 pairs, each keeping <see cref="InFlight"/> messages in flight (as
/// Akka.NET's PingPong does). One operation is one message delivered, so Ops/s is msg/s. Baseline:
/// the same exchange between tasks over two unbounded channels per pair.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class PingPongBenchmarks
{
    /// <summary>Pings sent in one invocation, shared out over the pairs (a multiple of every pair count).</summary>
    private const int Pings = 400_000;
    private const int InFlight = 1000;

    private ActorSystem _system = null!;

    [Params(1, 2, 4, 8)]
    public int Pairs { get; set; }

    [GlobalSetup]
    public void Setup() => _system = BenchmarkSystem.Create("ping-pong");

    [GlobalCleanup]
    public void Cleanup() => BenchmarkSystem.Terminate(_system);

    [Benchmark(Baseline = true, OperationsPerInvoke = 2 * Pings, Description = "Channel<T> ping-pong")]
    public void Channels() =>
        BenchmarkSystem.Await(ChannelBaselines.PingPong(Pairs, Pings / Pairs, InFlight), "channel ping-pong");

    [Benchmark(OperationsPerInvoke = 2 * Pings, Description = "actors ping-pong")]
    public void Actors()
    {
        using var done = new CountdownEvent(Pairs);
        var actors = new List<IActorRef>(2 * Pairs);
        for (var i = 0; i < Pairs; i++)
        {
            var pong = _system.ActorOf(Props.Create(() => new Echo()));
            actors.Add(pong);
            actors.Add(_system.ActorOf(Props.Create(() => new Ping(pong, Pings / Pairs, InFlight, done))));
        }

        for (var i = 1; i < actors.Count; i += 2)
        {
            actors[i].Tell(Start.Instance, ActorRefs.NoSender);
        }

        BenchmarkSystem.Await(done, "actor ping-pong");
        foreach (var actor in actors)
        {
            _system.Stop(actor);
        }
    }
}
