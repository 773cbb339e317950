using ActorParallel.Actor;
using ActorParallel.Cli.Bench.Scenarios;
using ActorParallel.Routing;
using BenchmarkDotNet.Attributes;

namespace ActorParallel.Benchmarks;

/// <summary>
/// Fan-out: the benchmark thread sends <see cref="Messages"/> messages round-robin to a pool of 1, 2
/// or 4 counting routees of a RoundRobinPool; one operation is one message received. Baseline:
/// round-robin writes into one unbounded channel per consumer task.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class FanOutBenchmarks
{
    private const int Messages = 1_000_000;

    private ActorSystem _system = null!;
    private IActorRef _pool = ActorRefs.Nobody;
    private CountdownEvent _done = new(0);

    [Params(1, 2, 4)]
    public int PoolSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchmarkSystem.Create("fan-out");
        _pool = _system.ActorOf(new RoundRobinPool(PoolSize).Props(Props.Create(() => new CountingSink(Messages / PoolSize, () => _done))));
    }

    [GlobalCleanup]
    public void Cleanup() => BenchmarkSystem.Terminate(_system);

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages, Description = "Channel<T> fan-out")]
    public void Channels() => BenchmarkSystem.Await(ChannelBaselines.FanOut(PoolSize, Messages), "channel fan-out");

    [Benchmark(OperationsPerInvoke = Messages, Description = "actors, round-robin pool")]
    public void Actors()
    {
        using var done = new CountdownEvent(PoolSize);
        Volatile.Write(ref _done, done);
        for (var i = 0; i < Messages; i++)
        {
            _pool.Tell(Msg.Instance, ActorRefs.NoSender);
        }

        BenchmarkSystem.Await(done, "actor fan-out");
    }
}
