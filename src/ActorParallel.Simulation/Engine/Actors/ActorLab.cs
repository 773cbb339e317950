using ActorParallel.Simulation.Lab;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine.Actors;

/// <summary>The lab wired to the actor engine: what the CLI constructs.</summary>
public static class ActorLab
{
    /// <summary>
    /// A <see cref="SimulationLab"/> whose jobs run on actors (serial reference and TPL beside them).
    /// <paramref name="progress"/>, if given, hears a snapshot every <c>progress-interval</c>. Every timed
    /// run (serial, actors, TPL) starts from a quiet process (<see cref="Quiesce"/>).
    /// </summary>
    public static SimulationLab Create(WorkloadRegistry? registry = null, IProgress<MetricsSnapshot>? progress = null, IProgress<JobPhaseStarted>? phases = null)
    {
        var workloads = registry ?? WorkloadRegistry.Default;
        return new SimulationLab(workloads, settings => new JobRunner(workloads, new ActorEngine(settings.ProgressInterval, progress, quiesce: true, akka: settings.Akka), quiesce: true, phases));
    }
}
