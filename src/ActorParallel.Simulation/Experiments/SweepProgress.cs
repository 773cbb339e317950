namespace ActorParallel.Simulation.Experiments;

/// <summary>Step <paramref name="Number"/> of <paramref name="Count"/> of a sweep is about to run; <paramref name="Point"/> is null for a serial reference.</summary>
public sealed record SweepProgress(int Number, int Count, SweepStep Step, ExperimentPointSpec? Point);
