using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace ActorParallel.Benchmarks;

/// <summary>The config of the runtime benchmarks: allocations per operation and an operations-per-second column.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new MessagesPerSecondColumn());
    }
}
