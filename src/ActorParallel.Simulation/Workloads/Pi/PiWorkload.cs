using System.Runtime.CompilerServices;
using ActorParallel.Simulation.Serialization;

namespace ActorParallel.Simulation.Workloads.Pi;

/// <summary>A range of sample blocks; each block draws from its own stream, so the total is the same for any split.</summary>
public sealed record PiTask(long Seed, long FirstBlock, long EndBlock, long Samples);

/// <summary>Hits inside the quarter circle out of <see cref="Samples"/> points.</summary>
public sealed record PiAnswer(long Hits, long Samples)
{
    public double Estimate => 4.0 * Hits / Samples;
}

/// <summary>
/// Monte Carlo estimate of pi; bit-identical for any worker count and any task count. The kernel (Execute and
/// Block) is compiled fully optimised on its first call (AggressiveOptimization) rather than tiered up as it
/// gets hot: the serial loop calls Execute once, the workers once per task, so tiering gave them different
/// machine code (on-stack-replaced vs tier 1) and the comparison depended on call counts, not on the engine.
/// </summary>
public sealed class PiWorkload : Workload<PiTask, long, PiAnswer>, IWireTypes
{
    private const long BlockSize = 4096;

    public override string Name => "pi";

    public override string Description => "Monte Carlo estimate of pi: throw points into the unit square (embarrassingly parallel)";

    public override long DefaultSize => 40_000_000;

    public override string SizeUnit => "samples";

    protected override IEnumerable<PiTask> Split(WorkloadParameters p) =>
        Range64.Split(Blocks(p.Size), p.Tasks).Select(r => new PiTask(p.Seed, r.Start, r.End, p.Size));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override long Execute(PiTask t)
    {
        var hits = 0L;
        for (var b = t.FirstBlock; b < t.EndBlock; b++)
            hits += Block(t.Seed, b, t.Samples);
        return hits;
    }

    protected override PiAnswer Combine(WorkloadParameters p, IReadOnlyList<long> outputs) => new(outputs.Sum(), p.Size);

    protected override PiAnswer Serial(WorkloadParameters p) => new(Execute(new PiTask(p.Seed, 0, Blocks(p.Size), p.Size)), p.Size);

    protected override PiAnswer Tpl(WorkloadParameters p, int workers, CancellationToken ct) =>
        new(ParallelEnumerable.Range(0, (int)Blocks(p.Size)).WithDegreeOfParallelism(workers).WithCancellation(ct)
            .Sum(b => Block(p.Seed, b, p.Size)), p.Size);

    protected override string Describe(PiAnswer a) => $"pi ~ {a.Estimate:F6} ({a.Hits} of {a.Samples} samples inside)";

    protected override IReadOnlyDictionary<string, double> Values(PiAnswer a) =>
        new Dictionary<string, double> { ["estimate"] = a.Estimate, ["hits"] = a.Hits, ["samples"] = a.Samples };

    /// <summary>The task and the answer travel between nodes; the output (long) is a primitive the lab already knows.</summary>
    public void RegisterWireTypes(WireRegistry.Builder wire) => wire
        .Add("pi.task", static (w, t) =>
        {
            w.WriteInt64(t.Seed);
            w.WriteInt64(t.FirstBlock);
            w.WriteInt64(t.EndBlock);
            w.WriteInt64(t.Samples);
        }, static (ref WireReader r) => new PiTask(r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64()))
        .Add("pi.answer", static (w, a) =>
        {
            w.WriteInt64(a.Hits);
            w.WriteInt64(a.Samples);
        }, static (ref WireReader r) => new PiAnswer(r.ReadInt64(), r.ReadInt64()));

    private static long Blocks(long samples) => (samples + BlockSize - 1) / BlockSize;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Block(long seed, long block, long samples)
    {
        var rng = SplitMix64.ForStream(seed, block);
        var count = Math.Min(BlockSize, samples - (block * BlockSize));
        var hits = 0L;
        for (var i = 0; i < count; i++)
        {
            double x = rng.NextDouble(), y = rng.NextDouble();
            if ((x * x) + (y * y) <= 1.0)
                hits++;
        }

        return hits;
    }
}
