namespace ActorParallel.Cli.Tests;

/// <summary>
/// The harness tests share one collection so that two harness runs never compete for the two cores
/// (each starts several actor systems and thread-pool loops); they run one after the other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BenchCollection
{
    public const string Name = "bench harness";
}
