using ActorParallel.Actor;
using ActorParallel.Configuration;
using ActorParallel.Routing;
using BenchmarkDotNet.Attributes;

namespace ActorParallel.Benchmarks;

/// <summary>
/// Fan-out through a router: one sender tells <see cref="Messages"/> messages to a pool of
/// <see cref="Routees"/> routees and waits until all are processed. One operation = one message routed
/// and processed, so msg/s = 1e9 / (ns per op). The baseline tells the same messages straight to one
/// actor; the round-robin pool routes on the sender's thread (an interlocked counter, no allocation);
/// the consistent-hashing pool hashes a key per message (pre-built envelopes, 64 distinct keys).
/// </summary>
[MemoryDiagnoser]
public class RouterBenchmarks
{
    private const int Messages = 200_000;

    private ActorSystem _system = null!;
    private Countdown _countdown = null!;
    private IActorRef _direct = ActorRefs.Nobody;
    private IActorRef _roundRobin = ActorRefs.Nobody;
    private IActorRef _hashing = ActorRefs.Nobody;
    private ConsistentHashableEnvelope[] _keyed = [];

    [Params(1, 2, 4)]
    public int Routees { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench", ConfigurationFactory.ParseString("actorparallel.loglevel = WARNING"));
        _countdown = new Countdown();
        var routee = Props.Create(() => new Counter(_countdown));
        _direct = _system.ActorOf(routee);
        _roundRobin = _system.ActorOf(new RoundRobinPool(Routees).Props(routee));
        _hashing = _system.ActorOf(new ConsistentHashingPool(Routees).Props(routee));
        _keyed = [.. Enumerable.Range(0, 64).Select(i => new ConsistentHashableEnvelope(Msg.Instance, $"key-{i}"))];
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public void Direct() => Run(_direct, keyed: false);

    [Benchmark(OperationsPerInvoke = Messages)]
    public void RoundRobinPool() => Run(_roundRobin, keyed: false);

    [Benchmark(OperationsPerInvoke = Messages)]
    public void ConsistentHashingPool() => Run(_hashing, keyed: true);

    private void Run(IActorRef target, bool keyed)
    {
        _countdown.Reset(Messages);
        for (var i = 0; i < Messages; i++)
        {
            target.Tell(keyed ? _keyed[i & 63] : Msg.Instance, ActorRefs.NoSender);
        }

        _countdown.Done.Wait();
    }

    private sealed class Msg
    {
        public static readonly Msg Instance = new();
    }

    /// <summary>Counts processed messages across all routees; signals when the last one is done.</summary>
    private sealed class Countdown
    {
        private int _remaining;

        public ManualResetEventSlim Done { get; } = new();

        public void Reset(int count)
        {
            Done.Reset();
            Volatile.Write(ref _remaining, count);
        }

        public void Signal()
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                Done.Set();
            }
        }
    }

    private sealed class Counter(Countdown countdown) : UntypedActor
    {
        protected override void OnReceive(object message) => countdown.Signal();
    }
}
