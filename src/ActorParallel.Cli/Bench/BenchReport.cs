using ActorParallel.Simulation.Reports;

namespace ActorParallel.Cli.Bench;

/// <summary>Everything one harness run measured.</summary>
public sealed record BenchReport(
    string Mode,
    RunEnvironment Machine,
    DateTimeOffset Started,
    double ElapsedSeconds,
    string? LoadAverageAtEnd,
    IReadOnlyList<BenchFigure> Figures);
