using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;

namespace ActorParallel.Simulation.Tests.Experiments;

/// <summary>
/// Produces the timings Amdahl predicts for a known serial fraction, with deterministic +-noise,
/// so experiment logic can be tested without running anything.
/// </summary>
internal sealed class FakeJobRunner(double serialFraction, double noise = 0.03, double serialMsPerUnit = 1e-3) : IJobRunner
{
    private int _calls;

    public List<JobRequest> Requests { get; } = [];

    /// <summary>Every call in order: the serial references (true) and the jobs (false).</summary>
    public List<(bool Serial, JobRequest Request)> Calls { get; } = [];

    /// <summary>The serial reference's time for a call to <see cref="RunSerialAsync"/> (0-based among them); by default the exact one.</summary>
    public Func<int, double, double> SerialMs { get; init; } = (_, exact) => exact;

    public Task<TimeSpan> RunSerialAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        Calls.Add((true, request));
        return Task.FromResult(TimeSpan.FromMilliseconds(SerialMs(Calls.Count(c => c.Serial) - 1, request.Parameters.Size * serialMsPerUnit)));
    }

    public Task<JobReport> RunAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        Calls.Add((false, request));
        var wobble = 1 + (noise * Math.Sin(++_calls * 12.9898));
        var serial = request.Parameters.Size * serialMsPerUnit;
        var wall = serial * (serialFraction + ((1 - serialFraction) / request.Workers)) * wobble;
        var metrics = new JobMetrics(request.Workload, request.Workers, true, TimeSpan.FromMilliseconds(wall), request.Parameters.Tasks, 0, request.Parameters.Tasks,
            0, 2L * request.Parameters.Tasks, 0, 0, Percentiles.Empty, Percentiles.Empty, Percentiles.Empty, [], 1.1, 0.9, Scaling.Compute(request.Workers, TimeSpan.FromMilliseconds(wall), null, null));
        return Task.FromResult(new JobReport(
            request.Workload, request.Parameters, request.Workers, request.Mode, TimeSpan.FromMilliseconds(wall), TimeSpan.FromMilliseconds(serial),
            request.MeasureTpl ? TimeSpan.FromMilliseconds(wall * 0.9) : null, true, "identical", "42", metrics));
    }
}
