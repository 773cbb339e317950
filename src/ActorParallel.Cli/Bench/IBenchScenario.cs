namespace ActorParallel.Cli.Bench;

/// <summary>
/// One benchmark scenario: runs the actor version and its baseline one after the other in this
/// process and returns the figures. Scenarios never run concurrently with each other.
/// </summary>
public interface IBenchScenario
{
    /// <summary>A short stable id used in JSON and by <c>--only</c>, e.g. <c>ping-pong</c>.</summary>
    string Id { get; }

    IReadOnlyList<BenchFigure> Run(BenchSizes sizes, IProgress<string> progress);
}
