using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace ActorParallel.Simulation.Workloads.Heat;

/// <summary>
/// 2D heat diffusion (Jacobi) on an N x N grid: each peer owns a strip of rows and exchanges halo
/// rows with its neighbours every step. Bit-identical to the serial solver for any strip count.
/// The dispatch mode (pull/push) does not apply to this peer topology and is ignored. Fault injection
/// (<c>--fail-every N</c>) makes a strip throw after computing each step whose number is a multiple of N;
/// the strip recovers from its checkpoint (see <c>PeerActor</c>).
/// </summary>
public sealed class HeatWorkload : IPeerWorkload, IWarmUpWorkload
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
        new("checkpoint-every", "100", "steps between a strip's checkpoints (recovery redoes at most this many)"),
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
        if (CheckpointEvery(parameters) < 1)
            throw new WorkloadParameterException($"heat: checkpoint-every must be at least 1; got {CheckpointEvery(parameters)}");
        foreach (var key in parameters.Options.Keys.Where(k => !Options.Any(o => o.Name.Equals(k, StringComparison.OrdinalIgnoreCase))))
            throw new WorkloadParameterException($"heat: unknown option '{key}'; allowed: alpha, checkpoint-every, steps");
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

    /// <summary>The strips; each makes its own initial rows from the seed when it first runs (no grid is built here).</summary>
    public IReadOnlyList<IPeer> CreatePeers(WorkloadParameters parameters)
    {
        Validate(parameters);
        var n = (int)parameters.Size;
        return Range64.Split(n - 2, parameters.Tasks)
            .Select((r, i) => new HeatStrip(i, parameters.Tasks, (int)r.Start + 1, (int)r.End + 1, Steps(parameters), Alpha(parameters), parameters.Seed, n))
            .ToArray();
    }

    /// <summary>
    /// The grid from the strips' rows between the two fixed edge rows. It references the strips' rows (each strip hands
    /// over its final rows, which never change again) instead of copying them into one array.
    /// </summary>
    public object Assemble(WorkloadParameters parameters, IReadOnlyList<object> results)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(results);
        var n = (int)parameters.Size;
        var edges = new double[2 * n];
        HeatGrid.InitialRows(n, parameters.Seed, 0, 1, edges);
        HeatGrid.InitialRows(n, parameters.Seed, n - 1, 1, edges.AsSpan(n));
        var edgeRows = ImmutableCollectionsMarshal.AsImmutableArray(edges);
        var blocks = ImmutableArray.CreateBuilder<ReadOnlyMemory<double>>(results.Count + 2);
        blocks.Add(edgeRows.AsMemory()[..n]);
        foreach (var strip in results.Cast<HeatStripResult>())
            blocks.Add(strip.Owned);
        blocks.Add(edgeRows.AsMemory()[n..]);
        return new HeatGrid(n, Steps(parameters), blocks.MoveToImmutable());
    }

    public CheckResult Check(object expected, object actual) =>
        Equals(expected, actual) ? CheckResult.Pass() : CheckResult.Fail($"expected {Describe(expected)}, got {Describe(actual)}");

    public string Describe(object answer) => answer is HeatGrid g
        ? $"{g.Size}x{g.Size} grid after {g.Steps} steps, centre {g[g.Size / 2, g.Size / 2]:F6}, total heat {g.Total():F3}"
        : answer?.ToString() ?? "";

    public IReadOnlyDictionary<string, double> Values(object answer) => answer is HeatGrid g
        ? new Dictionary<string, double> { ["size"] = g.Size, ["steps"] = g.Steps, ["centre"] = g[g.Size / 2, g.Size / 2], ["total_heat"] = g.Total() }
        : new Dictionary<string, double>();

    public IPeer Restore(object checkpoint) => HeatStrip.Restore((HeatStripCheckpoint)checkpoint);

    public long EstimateBytes(PeerMessage message) => message is HaloRow h ? 24 + (h.Cells.Length * 8L) : 32;

    /// <summary>
    /// A checkpoint copies the strip, as many cells as a step computes, into fresh memory (at 800 x 800, 1.3 MB on the
    /// large object heap): taken after every step, the copies and the gen-2 collections they caused cost several times the
    /// steps. Memory the process has not touched yet costs a page fault per 4 KB on first write, so a copy costs some 40
    /// steps of a strip's compute on the lab's 2-core VM (about 2 on bare metal). The default, 100, takes one snapshot in a
    /// default run, and a failed strip redoes fewer than 100 steps.
    /// </summary>
    public int CheckpointInterval(WorkloadParameters parameters) => CheckpointEvery(parameters);

    /// <summary>
    /// The same strips on a grid of a few rows each, for 40 steps (more than the 30 calls after which the JIT
    /// recompiles a method optimised) with a checkpoint every 10, so that every part of the strips' path has run.
    /// </summary>
    public WorkloadParameters WarmUpParameters(WorkloadParameters job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return (job with { Size = Math.Min(job.Size, (3 * job.Tasks) + 2) }).With("steps", "40").With("checkpoint-every", "10");
    }

    private static int CheckpointEvery(WorkloadParameters p) => p.GetInt("checkpoint-every", 100);

    private static int Steps(WorkloadParameters p) => p.GetInt("steps", 150);

    private static double Alpha(WorkloadParameters p) => p.GetDouble("alpha", 0.2);
}
