using ActorParallel.Simulation.Experiments;

namespace ActorParallel.Simulation.Lab;

/// <summary>
/// A run checked and ready to start: the validated request (paths checked too) and the warnings about it, known
/// before any work starts so that the CLI can print them first.
/// </summary>
public sealed record RunPlan(RunOptions Options, SimulationSettings Settings, JobRequest Request, IReadOnlyList<string> Warnings);

/// <summary>A finished run: the report, the environment it ran in (load before and after), and the warnings.</summary>
public sealed record RunRecord(JobReport Report, Reports.RunEnvironment Environment, IReadOnlyList<string> Warnings)
{
    /// <summary>The answer's numbers (pi's estimate, counts), from the workload; empty when it has none.</summary>
    public IReadOnlyDictionary<string, double> AnswerValues { get; init; } = new Dictionary<string, double>();
}
