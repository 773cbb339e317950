using ActorParallel.Simulation.Serialization;

namespace ActorParallel.Simulation.Workloads.Synthetic;

/// <summary>Spin for <see cref="Units"/> calibrated work units (see <see cref="Spin"/>).</summary>
public sealed record SyntheticTask(long Seed, int Index, long Units);

/// <summary>The combined checksum of the parallel tasks and the serial part.</summary>
public sealed record SyntheticAnswer(ulong Checksum, long ParallelUnits, long SerialUnits);

/// <summary>
/// A synthetic job with a known serial fraction s: s x size units run in the supervisor (in
/// <see cref="Combine"/>), the rest is split into tasks whose costs follow a distribution
/// (constant, uniform or exponential). Work is calibrated spinning, never sleeping.
/// </summary>
public sealed class SyntheticWorkload : Workload<SyntheticTask, ulong, SyntheticAnswer>, IWireTypes
{
    public static readonly IReadOnlyList<string> Distributions = ["constant", "uniform", "exponential"];

    public override string Name => "synthetic";

    public override string Description => "Spin work with serial fraction s and a task-cost distribution (Amdahl in the lab)";

    public override long DefaultSize => 1_000_000;

    public override int DefaultTasks => 64;

    public override string SizeUnit => "work units (~1 us each)";

    public override IReadOnlyList<WorkloadOption> Options { get; } =
    [
        new("serial-fraction", "0.05", "share of the work done serially in the supervisor, in [0, 1]"),
        new("distribution", "constant", "task costs: constant, uniform (0..2x mean) or exponential (skewed)"),
    ];

    public override void Validate(WorkloadParameters parameters)
    {
        base.Validate(parameters);
        if (SerialFraction(parameters) is < 0 or > 1)
            throw new WorkloadParameterException($"synthetic: serial-fraction must be in [0, 1]; got {SerialFraction(parameters)}");
        if (!Distributions.Contains(Distribution(parameters)))
            throw new WorkloadParameterException($"synthetic: distribution '{Distribution(parameters)}' is unknown; allowed: {string.Join(", ", Distributions)}");
    }

    protected override IEnumerable<SyntheticTask> Split(WorkloadParameters p)
    {
        var costs = Costs(p);
        return costs.Select((units, i) => new SyntheticTask(p.Seed, i, units));
    }

    protected override ulong Execute(SyntheticTask t) => Spin.Work(SplitMix64.ForStream(t.Seed, t.Index).NextUInt64(), t.Units);

    /// <summary>The serial part runs here, in the supervisor, after the tasks: that is what makes it serial.</summary>
    protected override SyntheticAnswer Combine(WorkloadParameters p, IReadOnlyList<ulong> outputs)
    {
        var serialUnits = SerialUnits(p);
        var checksum = outputs.Aggregate(Spin.Work((ulong)p.Seed, serialUnits), (a, b) => unchecked((a * 31) + b));
        return new SyntheticAnswer(checksum, p.Size - serialUnits, serialUnits);
    }

    protected override SyntheticAnswer Serial(WorkloadParameters p) =>
        Combine(p, Split(p).Select(Execute).ToArray());

    protected override string Describe(SyntheticAnswer a) => $"checksum {a.Checksum:X16} ({a.SerialUnits} serial + {a.ParallelUnits} parallel units)";

    protected override IReadOnlyDictionary<string, double> Values(SyntheticAnswer a) =>
        new Dictionary<string, double> { ["serial_units"] = a.SerialUnits, ["parallel_units"] = a.ParallelUnits };

    /// <summary>The task and the answer travel between nodes; the output (ulong) is a primitive the lab already knows.</summary>
    public void RegisterWireTypes(WireRegistry.Builder wire) => wire
        .Add("syn.task", static (w, t) =>
        {
            w.WriteInt64(t.Seed);
            w.WriteInt32(t.Index);
            w.WriteInt64(t.Units);
        }, static (ref WireReader r) => new SyntheticTask(r.ReadInt64(), r.ReadInt32(), r.ReadInt64()))
        .Add("syn.answer", static (w, a) =>
        {
            w.WriteUInt64(a.Checksum);
            w.WriteInt64(a.ParallelUnits);
            w.WriteInt64(a.SerialUnits);
        }, static (ref WireReader r) => new SyntheticAnswer(r.ReadUInt64(), r.ReadInt64(), r.ReadInt64()));

    private static double SerialFraction(WorkloadParameters p) => p.GetDouble("serial-fraction", 0.05);

    private static string Distribution(WorkloadParameters p) => p.GetString("distribution", "constant").ToLowerInvariant();

    private static long SerialUnits(WorkloadParameters p) => (long)Math.Round(p.Size * SerialFraction(p));

    /// <summary>Per-task costs drawn from the distribution and scaled so they sum exactly to the parallel units.</summary>
    internal static long[] Costs(WorkloadParameters p)
    {
        var parallel = p.Size - SerialUnits(p);
        var rng = SplitMix64.ForStream(p.Seed, -7);
        var weights = new double[p.Tasks];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Distribution(p) switch
            {
                "uniform" => rng.NextDouble(),
                "exponential" => -Math.Log(1 - rng.NextDouble()),
                _ => 1.0,
            };
        }

        var total = weights.Sum();
        var costs = new long[p.Tasks];
        var assigned = 0L;
        for (var i = 0; i < costs.Length; i++)
        {
            costs[i] = total > 0 ? (long)Math.Floor(parallel * weights[i] / total) : parallel / costs.Length;
            assigned += costs[i];
        }

        for (var i = 0; assigned < parallel; i = (i + 1) % costs.Length, assigned++)
            costs[i]++;
        return costs;
    }
}
