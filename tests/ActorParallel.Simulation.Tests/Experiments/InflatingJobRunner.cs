using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;

namespace ActorParallel.Simulation.Tests.Experiments;

/// <summary>
/// A fake platform with work inflation, as on a shared 2-vCPU host: a job of <c>size</c> units has a
/// serial part of s x size units that runs alone at full speed, and a parallel part that W workers share
/// evenly while each computes <see cref="Slowdown"/>(W) times slower than one worker alone. Each run
/// also gets a host speed drift (deterministic, +-<c>drift</c>) common to everything in it, serial part
/// and busy time alike. Workers report their busy time, so the lab can measure W_eff.
/// </summary>
internal sealed class InflatingJobRunner(double serialFraction, double inflation = 0.1, double drift = 0.03, int cores = 2, double msPerUnit = 1e-3) : IJobRunner
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
        return Task.FromResult(TimeSpan.FromMilliseconds(SerialMs(Calls.Count(c => c.Serial) - 1, request.Parameters.Size * msPerUnit)));
    }

    /// <summary>Extra wall time (ms) for a call (1-based), with the workers idle meanwhile: a run disturbed by another process.</summary>
    public Func<int, double>? Stall { get; init; }

    /// <summary>How much slower each worker computes at W: 1 alone, 1 + inflation with company, and W / cores times that beyond the cores.</summary>
    public double Slowdown(int workers) => workers == 1 ? 1 : (1 + inflation) * Math.Max(1, (double)workers / cores);

    public Task<JobReport> RunAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        Calls.Add((false, request));
        var host = 1 + (drift * Math.Sin(++_calls * 12.9898));
        var units = request.Parameters.Size * msPerUnit;
        var serialPart = serialFraction * units * host;
        var busy = (1 - serialFraction) * units * Slowdown(request.Workers) * host;
        var wall = TimeSpan.FromMilliseconds(serialPart + (busy / request.Workers) + (Stall?.Invoke(_calls) ?? 0));
        var perWorker = Enumerable.Range(0, request.Workers)
            .Select(i => new WorkerMetrics(i, request.Parameters.Tasks / request.Workers, TimeSpan.FromMilliseconds(busy / request.Workers), busy / request.Workers / wall.TotalMilliseconds))
            .ToArray();
        var metrics = new JobMetrics(request.Workload, request.Workers, true, wall, request.Parameters.Tasks, 0, request.Parameters.Tasks, 0, 2L * request.Parameters.Tasks, 0, 0,
            Percentiles.Empty, Percentiles.Empty, Percentiles.Empty, perWorker, 1, 0.9, Scaling.Compute(request.Workers, wall, null, null));
        return Task.FromResult(new JobReport(
            request.Workload, request.Parameters, request.Workers, request.Mode, wall, TimeSpan.FromMilliseconds(units),
            request.MeasureTpl ? wall * 0.95 : null, true, "identical", "42", metrics));
    }
}
