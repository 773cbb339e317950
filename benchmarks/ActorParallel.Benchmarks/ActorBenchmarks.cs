using ActorParallel.Actor;
using ActorParallel.Configuration;
using BenchmarkDotNet.Attributes;

namespace ActorParallel.Benchmarks;

/// <summary>
/// Ping-pong throughput and spawn cost of the actor runtime. Ping-pong: each pair keeps
/// <see cref="InFlight"/> messages in flight (as Akka.NET's PingPong benchmark does) until
/// <see cref="MessagesPerPair"/> round trips are done; one operation = one message delivered, so
/// msg/s = 1e9 / (ns per op). Spawn: one operation = one actor created and started; the allocated
/// bytes per operation approximate the heap cost of an idle actor (retained bytes are printed too).
/// </summary>
[MemoryDiagnoser]
public class ActorBenchmarks
{
    private const int MessagesPerPair = 200_000;
    private const int InFlight = 1000;
    private const int Spawns = 20_000;

    private ActorSystem _system = null!;

    [Params(1, 2)]
    public int Pairs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench", ConfigurationFactory.ParseString("actorparallel.loglevel = WARNING"));
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    [Benchmark(OperationsPerInvoke = 2 * MessagesPerPair * 2)]
    public void PingPong()
    {
        var done = new CountdownEvent(Pairs);
        var pongs = new IActorRef[Pairs];
        var pings = new IActorRef[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            pongs[i] = _system.ActorOf(Props.Create(() => new Pong()));
            pings[i] = _system.ActorOf(Props.Create(() => new Ping(pongs[i], MessagesPerPair * 2, done)));
        }

        foreach (var ping in pings)
        {
            ping.Tell(Start.Instance, ActorRefs.NoSender);
        }

        done.Wait();
        for (var i = 0; i < Pairs; i++)
        {
            _system.Stop(pings[i]);
            _system.Stop(pongs[i]);
        }
    }

    private IActorRef _parent = ActorRefs.Nobody;

    [IterationSetup(Target = nameof(Spawn))]
    public void CreateParent() => _parent = _system.ActorOf(Props.Create(() => new Parent()));

    /// <summary>Stopping the spawned actors is not part of the measurement: wait for it here.</summary>
    [IterationCleanup(Target = nameof(Spawn))]
    public void StopParent() => _parent.GracefulStop(TimeSpan.FromSeconds(30)).Wait();

    [Benchmark(OperationsPerInvoke = Spawns)]
    public void Spawn()
    {
        var started = new CountdownEvent(Spawns);
        var props = Props.Create(() => new Idle(started));
        _parent.Tell(new SpawnChildren(props, Spawns), ActorRefs.NoSender);
        started.Wait();
    }

    /// <summary>Retained heap per idle started actor, printed once (not a timed benchmark).</summary>
    [GlobalSetup(Target = nameof(Spawn))]
    public void MeasureRetainedBytesPerActor()
    {
        Setup();
        const int count = 20_000;
        var started = new CountdownEvent(count);
        var props = Props.Create(() => new Idle(started));
        var parent = _system.ActorOf(Props.Create(() => new Parent()));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        parent.Tell(new SpawnChildren(props, count), ActorRefs.NoSender);
        started.Wait();
        var after = GC.GetTotalMemory(true);
        Console.WriteLine($"// retained bytes per idle actor: {(after - before) / (double)count:F0}");
        _system.Stop(parent);
    }

    private sealed class Start
    {
        public static readonly Start Instance = new();
    }

    private sealed class Msg
    {
        public static readonly Msg Instance = new();
    }

    private sealed record SpawnChildren(Props Props, int Count);

    private sealed class Ping(IActorRef pong, int total, CountdownEvent done) : UntypedActor
    {
        private int _sent;
        private int _received;

        protected override void OnReceive(object message)
        {
            if (message is Msg)
            {
                _received++;
                if (_sent < total)
                {
                    _sent++;
                    pong.Tell(Msg.Instance, Self);
                }
                else if (_received == total)
                {
                    done.Signal();
                }

                return;
            }

            for (var i = 0; i < InFlight; i++)
            {
                _sent++;
                pong.Tell(Msg.Instance, Self);
            }
        }
    }

    private sealed class Pong : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }

    private sealed class Parent : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is SpawnChildren spawn)
            {
                for (var i = 0; i < spawn.Count; i++)
                {
                    Context.ActorOf(spawn.Props);
                }
            }
        }
    }

    private sealed class Idle : UntypedActor
    {
        public Idle(CountdownEvent started) => started.Signal();

        protected override void OnReceive(object message)
        {
        }
    }
}
