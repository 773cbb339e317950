using ActorParallel.Actor;
using BenchmarkDotNet.Attributes;

namespace ActorParallel.Benchmarks;

/// <summary>
/// Creating and terminating an ActorSystem (warm: BenchmarkDotNet measures after warm-up; the cold,
/// first-in-process figure is what <c>actorparallel bench</c> reports). Akka.NET 1.5.30: ~240 ms at start; goal: at most 30 ms.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class SystemBenchmarks
{
    private int _created;

    [Benchmark(Description = "ActorSystem create + terminate")]
    public void CreateAndTerminate() => BenchmarkSystem.Terminate(BenchmarkSystem.Create("lifecycle-" + ++_created));
}
