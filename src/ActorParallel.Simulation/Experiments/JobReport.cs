using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Experiments;

/// <summary>What a run produced: timings of the actor run, the serial reference and TPL, the check, and metrics.</summary>
public sealed record JobReport(
    string Workload,
    WorkloadParameters Parameters,
    int Workers,
    DispatchMode Mode,
    TimeSpan Wall,
    TimeSpan? Serial,
    TimeSpan? Tpl,
    bool Correct,
    string Check,
    string Answer,
    JobMetrics? Metrics = null)
{
    /// <summary>Where the actors ran when not on W threads of this process, e.g. "4 worker actors on 2 worker nodes"; null locally.</summary>
    public string? Placement { get; init; }

    /// <summary>The answer object itself (for example a Mandelbrot image to save); not serialized.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public object? Result { get; init; }

    public double? Speedup => Serial is { } s && Wall > TimeSpan.Zero ? s / Wall : null;

    public double? Efficiency => Speedup / Workers;

    public double? TplSpeedup => Serial is { } s && Tpl is { } t && t > TimeSpan.Zero ? s / t : null;
}
