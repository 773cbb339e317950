using ActorParallel.Simulation.Experiments;

namespace ActorParallel.Simulation.Engine;

/// <summary>The timed parts of one job, in the order <see cref="JobRunner"/> runs them.</summary>
public enum JobPhase
{
    /// <summary>The serial reference: the expected answer and T_serial (run twice, the faster time kept).</summary>
    Serial,

    /// <summary>The job on W workers (actors, or the cluster's worker nodes).</summary>
    Actors,

    /// <summary>The TPL comparison with the same W.</summary>
    Tpl,
}

/// <summary>A phase of <paramref name="Request"/> has started; progress displays show it (the serial and TPL phases report nothing else).</summary>
public sealed record JobPhaseStarted(JobPhase Phase, JobRequest Request);
