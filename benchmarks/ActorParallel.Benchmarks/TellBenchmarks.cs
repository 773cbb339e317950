using ActorParallel.Actor;
using ActorParallel.Cli.Bench.Scenarios;
using BenchmarkDotNet.Attributes;

namespace ActorParallel.Benchmarks;

/// <summary>
/// One sender tells an actor that discards: Allocated per operation is the bytes one Tell costs
/// (sender and dispatcher threads). Baseline: TryWrite into an unbounded channel drained by a task.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class TellBenchmarks
{
    private const int Tells = 1_000_000;

    private ActorSystem _system = null!;
    private IActorRef _sink = null!;
    private CountdownEvent _done = new(0);

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchmarkSystem.Create("tell");
        _sink = _system.ActorOf(Props.Create(() => new CountingSink(Tells, () => _done)));
    }

    [GlobalCleanup]
    public void Cleanup() => BenchmarkSystem.Terminate(_system);

    [Benchmark(Baseline = true, OperationsPerInvoke = Tells, Description = "Channel<T> TryWrite")]
    public void ChannelWrite() => BenchmarkSystem.Await(ChannelBaselines.Flood(Tells), "channel writes");

    [Benchmark(OperationsPerInvoke = Tells, Description = "Tell to a discarding actor")]
    public void Tell()
    {
        using var done = new CountdownEvent(1);
        Volatile.Write(ref _done, done);
        for (var i = 0; i < Tells; i++)
        {
            _sink.Tell(Msg.Instance, ActorRefs.NoSender);
        }

        BenchmarkSystem.Await(done, "tells");
    }
}
