// The example of README.md, "Adding a workload": keep the two in sync.
using ActorParallel.Simulation.Workloads;

namespace MyLab;

/// <summary>One task: the integers [Start, End).</summary>
public sealed record SquaresTask(long Start, long End);

/// <summary>Sum of i*i for 0 &lt;= i &lt; N, exact (UInt128), so any split gives the same answer.</summary>
public sealed class SumOfSquaresWorkload : Workload<SquaresTask, UInt128, UInt128>
{
    public override string Name => "squares";

    public override string Description => "Sum of i^2 below N (integer arithmetic, embarrassingly parallel)";

    public override long DefaultSize => 200_000_000;

    public override string SizeUnit => "N";

    protected override IEnumerable<SquaresTask> Split(WorkloadParameters p) =>
        Range64.Split(p.Size, p.Tasks).Select(r => new SquaresTask(r.Start, r.End));

    protected override UInt128 Execute(SquaresTask t)
    {
        UInt128 sum = 0;
        for (var i = t.Start; i < t.End; i++)
            sum += (UInt128)i * (UInt128)i;
        return sum;
    }

    protected override UInt128 Combine(WorkloadParameters p, IReadOnlyList<UInt128> outputs) =>
        outputs.Aggregate(UInt128.Zero, (a, b) => a + b);

    protected override UInt128 Serial(WorkloadParameters p) => Execute(new SquaresTask(0, p.Size));
}
