using System.Collections.Immutable;

namespace ActorParallel.Simulation.Workloads.Heat;

/// <summary>
/// 2D heat diffusion (Jacobi) on an N x N grid: each peer owns a strip of rows and exchanges halo
/// rows with its neighbours every step. Bit-identical to the serial solver for any strip count.
/// </summary>
public sealed class HeatWorkload : IPeerWorkload
{
    public string Name => "heat";

    public string Description => "2D heat diffusion (Jacobi): strips exchange halo rows with neighbours every step";

    public WorkloadTopology Topology => WorkloadTopology.Custom;

    public long DefaultSize => 800;

    public int DefaultTasks => 4;

    public string SizeUnit => "grid side N (N x N cells); tasks = strips";

    public IReadOnlyList<WorkloadOption> Options { get; } =
    [
        new("steps", "150", "Jacobi iterations"),
        new("alpha", "0.2", "diffusion coefficient, in (0, 0.25] for stability"),
    ];

    public void Validate(WorkloadParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Size < 3 || parameters.Size > 20_000)
            throw new WorkloadParameterException($"heat: size (grid side) must be between 3 and 20000; got {parameters.Size}");
        if (parameters.Tasks < 1 || parameters.Tasks > parameters.Size - 2)
            throw new WorkloadParameterException($"heat: tasks (strips) must be between 1 and size - 2 = {parameters.Size - 2}; got {parameters.Tasks}");
        if (Steps(parameters) < 0)
            throw new WorkloadParameterException("heat: steps must be at least 0");
        if (Alpha(parameters) is <= 0 or > 0.25)
            throw new WorkloadParameterException($"heat: alpha must be in (0, 0.25]; got {Alpha(parameters)}");
        foreach (var key in parameters.Options.Keys.Where(k => !Options.Any(o => o.Name.Equals(k, StringComparison.OrdinalIgnoreCase))))
            throw new WorkloadParameterException($"heat: unknown option '{key}'; allowed: alpha, steps");
    }

    public object RunSerial(WorkloadParameters parameters, CancellationToken cancellationToken = default)
    {
        Validate(parameters);
        return HeatGrid.Solve((int)parameters.Size, Steps(parameters), Alpha(parameters), parameters.Seed);
    }

    public object RunTpl(WorkloadParameters parameters, int workers, CancellationToken cancellationToken = default)
    {
        Validate(parameters);
        return HeatGrid.Solve((int)parameters.Size, Steps(parameters), Alpha(parameters), parameters.Seed, workers, cancellationToken);
    }

    public IReadOnlyList<IPeer> CreatePeers(WorkloadParameters parameters)
    {
        Validate(parameters);
        var n = (int)parameters.Size;
        var initial = HeatGrid.Initial(n, parameters.Seed);
        return Range64.Split(n - 2, parameters.Tasks)
            .Select((r, i) => new HeatStrip(i, parameters.Tasks, (int)r.Start + 1, (int)r.End + 1, Steps(parameters), Alpha(parameters), initial, n))
            .ToArray();
    }

    public object Assemble(WorkloadParameters parameters, IReadOnlyList<object> results)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(results);
        var n = (int)parameters.Size;
        var cells = HeatGrid.Initial(n, parameters.Seed);
        foreach (var strip in results.Cast<HeatStripResult>())
            strip.Cells.AsSpan().CopyTo(cells.AsSpan(strip.FirstRow * n));
        return new HeatGrid(n, Steps(parameters), [.. cells]);
    }

    public CheckResult Check(object expected, object actual) =>
        Equals(expected, actual) ? CheckResult.Pass() : CheckResult.Fail($"expected {Describe(expected)}, got {Describe(actual)}");

    public string Describe(object answer) => answer is HeatGrid g
        ? $"{g.Size}x{g.Size} grid after {g.Steps} steps, centre {g[g.Size / 2, g.Size / 2]:F6}, total heat {g.Cells.Sum():F3}"
        : answer?.ToString() ?? "";

    public long EstimateBytes(PeerMessage message) => message is HaloRow h ? 24 + (h.Cells.Length * 8L) : 32;

    private static int Steps(WorkloadParameters p) => p.GetInt("steps", 150);

    private static double Alpha(WorkloadParameters p) => p.GetDouble("alpha", 0.2);
}
