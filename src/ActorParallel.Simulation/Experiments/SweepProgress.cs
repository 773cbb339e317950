using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Experiments;

/// <summary>
/// Step <paramref name="Number"/> of <paramref name="Count"/> of a sweep is about to run: the serial reference of
/// <paramref name="Parameters"/> (<paramref name="Point"/> null) or a run of <paramref name="Point"/>.
/// </summary>
public sealed record SweepProgress(int Number, int Count, SweepStep Step, WorkloadParameters Parameters, ExperimentPointSpec? Point);
