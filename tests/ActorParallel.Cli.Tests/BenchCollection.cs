namespace ActorParallel.Cli.Tests;

/// <summary>
/// The harness tests share one collection, run apart from every other test: two harness runs never compete
/// for the two cores (each starts several actor systems and thread-pool loops), and the bytes-per-task figures,
/// which count every thread's allocations, do not count another test's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchCollection
{
    public const string Name = "bench harness";
}
