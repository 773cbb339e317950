using System.Runtime.CompilerServices;
using ActorParallel.Simulation.Serialization;

namespace ActorParallel.Simulation.Workloads.Primes;

/// <summary>Count primes in [Start, End) with a segmented sieve.</summary>
public sealed record PrimesTask(long Start, long End);

/// <summary>Counts primes below N (pi(N)): the range is cut into segments sieved independently.</summary>
public sealed class PrimesWorkload : Workload<PrimesTask, long, long>, IWireTypes
{
    private const long SerialSegment = 1 << 20;

    public override string Name => "primes";

    public override string Description => "Count primes below N with a segmented sieve (checks against pi(10^k))";

    public override long DefaultSize => 100_000_000;

    public override string SizeUnit => "N (count primes below N)";

    public override void Validate(WorkloadParameters parameters)
    {
        base.Validate(parameters);
        if (parameters.Size > int.MaxValue)
            throw new WorkloadParameterException($"primes: size must be at most {int.MaxValue}; got {parameters.Size}");
    }

    protected override IEnumerable<PrimesTask> Split(WorkloadParameters p) =>
        Range64.Split(p.Size, p.Tasks).Select(r => new PrimesTask(r.Start, r.End));

    /// <summary>A task's range is sieved in segments of the serial loop's size, so both fit the cache alike.</summary>
    protected override long Execute(PrimesTask t) => CountRange(t.Start, t.End);

    protected override long Combine(WorkloadParameters p, IReadOnlyList<long> outputs) => outputs.Sum();

    /// <summary>
    /// The same segmented sieve over 1M-number segments, one after another: a fair T_serial (a plain
    /// sieve over one huge array is slower for cache reasons and would flatter the speedup). The
    /// answer is checked independently against known values of pi(10^k) in the tests.
    /// </summary>
    protected override long Serial(WorkloadParameters p) => CountRange(0, p.Size);

    /// <summary>
    /// Primes in [start, end), sieved segment by segment (1 Mi numbers each). One sieve over a task's whole range (3 MB
    /// of flags at the default size) left the cache behind: both parallel versions ran slower than the serial loop.
    /// </summary>
    private static long CountRange(long start, long end)
    {
        var count = 0L;
        for (var s = start; s < end; s += SerialSegment)
            count += CountSegment(s, Math.Min(end, s + SerialSegment));
        return count;
    }

    protected override string Describe(long answer) => $"{answer} primes";

    protected override IReadOnlyDictionary<string, double> Values(long answer) => new Dictionary<string, double> { ["primes"] = answer };

    /// <summary>The task travels between nodes; output and answer (long) are primitives the lab already knows.</summary>
    public void RegisterWireTypes(WireRegistry.Builder wire) => wire
        .Add("primes.task", static (w, t) =>
        {
            w.WriteInt64(t.Start);
            w.WriteInt64(t.End);
        }, static (ref WireReader r) => new PrimesTask(r.ReadInt64(), r.ReadInt64()));

    /// <summary>Counts primes in [start, end); base primes up to sqrt(end) are recomputed per task (no shared state).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static long CountSegment(long start, long end)
    {
        start = Math.Max(start, 2);
        if (end <= start)
            return 0;
        var limit = (int)Math.Sqrt(end) + 1;
        var small = new bool[limit + 1];
        var composite = new bool[end - start];
        for (var p = 2; p <= limit; p++)
        {
            if (small[p])
                continue;
            for (var j = p * p; j <= limit; j += p)
                small[j] = true;
            var first = Math.Max((long)p * p, (start + p - 1) / p * p);
            for (var j = first; j < end; j += p)
                composite[j - start] = true;
        }

        return composite.Length - System.Runtime.InteropServices.MemoryMarshal.Cast<bool, byte>(composite.AsSpan()).Count((byte)1);
    }
}
