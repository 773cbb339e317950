using ActorParallel.Actor;
using ActorParallel.Cli.Bench.Scenarios;
using BenchmarkDotNet.Attributes;

namespace ActorParallel.Benchmarks;

/// <summary>
/// One parent spawns 1 M children; one operation is one actor created and started (its constructor
/// has run), so Ops/s is spawns/s and Allocated is bytes allocated per spawn. Stopping the children
/// happens in the iteration cleanup, outside the measurement. The heap an idle actor keeps is
/// printed once per run ("retained bytes per idle actor").
/// </summary>
[Config(typeof(ThroughputConfig))]
public class SpawnBenchmarks
{
    private const int Spawns = 1_000_000;

    private ActorSystem _system = null!;
    private IActorRef _parent = ActorRefs.Nobody;

    [GlobalSetup]
    public void Setup()
    {
        _system = BenchmarkSystem.Create("spawn");
        PrintRetainedBytesPerActor();
    }

    [GlobalCleanup]
    public void Cleanup() => BenchmarkSystem.Terminate(_system);

    [IterationSetup]
    public void CreateParent() => _parent = _system.ActorOf(Props.Create(() => new Parent()));

    [IterationCleanup]
    public void StopChildren() => BenchmarkSystem.Await(_parent.GracefulStop(TimeSpan.FromMinutes(2)), "stopping the children");

    [Benchmark(OperationsPerInvoke = Spawns, Description = "spawn 1 M actors under one parent")]
    public void Spawn()
    {
        using var started = new CountdownEvent(Spawns);
        _parent.Tell(new SpawnChildren(Props.Create(() => new Idle(started)), Spawns), ActorRefs.NoSender);
        BenchmarkSystem.Await(started, "spawning");
    }

    private void PrintRetainedBytesPerActor()
    {
        using var started = new CountdownEvent(Spawns);
        var parent = _system.ActorOf(Props.Create(() => new Parent()));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        parent.Tell(new SpawnChildren(Props.Create(() => new Idle(started)), Spawns), ActorRefs.NoSender);
        BenchmarkSystem.Await(started, "spawning");
        BenchmarkSystem.Await(parent.Ask<Msg>(Msg.Instance, TimeSpan.FromMinutes(1)), "parent idle");
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// retained bytes per idle actor: {(after - before) / (double)Spawns:F0} (Akka.NET 1.5.30: ~1970; goal <= 500)");
        BenchmarkSystem.Await(parent.GracefulStop(TimeSpan.FromMinutes(2)), "stopping the children");
    }
}
