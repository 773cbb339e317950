using ActorParallel.Simulation.Serialization;
using ActorParallel.Simulation.Workloads;

namespace MyWorkloadLab;

/// <summary>One task: the starting numbers [First, End).</summary>
public sealed record MyWorkloadTask(long First, long End);

/// <summary>The start whose Collatz sequence takes the most steps to reach 1 (the smallest such start on a tie).</summary>
public sealed record LongestChain(long Start, int Steps)
{
    public static LongestChain None { get; } = new(0, -1);

    public LongestChain Max(LongestChain other) =>
        other.Steps > Steps || (other.Steps == Steps && other.Start < Start) ? other : this;
}

/// <summary>
/// A sample task farm to replace with your own computation: the longest Collatz chain starting below N.
/// Split the job into immutable tasks, execute one task, combine the outputs (they arrive in task-id order, so the
/// answer does not depend on W) and give a plain serial reference: every run on actors is checked against it.
/// </summary>
public sealed class MyWorkload : Workload<MyWorkloadTask, LongestChain, LongestChain>, IWireTypes
{
    public override string Name => "my-workload";

    public override string Description => "Longest Collatz chain starting below N (sample task farm)";

    public override long DefaultSize => 3_000_000;

    public override int DefaultTasks => 32;

    public override string SizeUnit => "N";

    protected override IEnumerable<MyWorkloadTask> Split(WorkloadParameters p) =>
        Range64.Split(p.Size - 1, p.Tasks).Select(r => new MyWorkloadTask(r.Start + 1, r.End + 1));

    protected override LongestChain Execute(MyWorkloadTask task)
    {
        var best = LongestChain.None;
        for (var n = task.First; n < task.End; n++)
            best = best.Max(new LongestChain(n, Steps(n)));
        return best;
    }

    protected override LongestChain Combine(WorkloadParameters p, IReadOnlyList<LongestChain> outputs) =>
        outputs.Aggregate(LongestChain.None, (best, output) => best.Max(output));

    /// <summary>The reference: one plain loop, written as simply as possible.</summary>
    protected override LongestChain Serial(WorkloadParameters p)
    {
        var best = LongestChain.None;
        for (var n = 1L; n < p.Size; n++)
        {
            var steps = Steps(n);
            if (steps > best.Steps)
                best = new LongestChain(n, steps);
        }

        return best;
    }

    protected override string Describe(LongestChain answer) => $"{answer.Start} takes {answer.Steps} steps to reach 1";

    protected override long EstimateBytes(MyWorkloadTask task) => 16;

    protected override long EstimateBytes(LongestChain output) => 12;

    /// <summary>
    /// The types that travel between cluster nodes, each with a short manifest (at most 24 characters) and a codec
    /// that reads what it wrote. Only registered types are ever deserialized.
    /// </summary>
    public void RegisterWireTypes(WireRegistry.Builder wire) => wire
        .Add("my-workload.task", static (w, t) =>
        {
            w.WriteInt64(t.First);
            w.WriteInt64(t.End);
        }, static (ref WireReader r) => new MyWorkloadTask(r.ReadInt64(), r.ReadInt64()))
        .Add("my-workload.chain", static (w, c) =>
        {
            w.WriteInt64(c.Start);
            w.WriteInt32(c.Steps);
        }, static (ref WireReader r) => new LongestChain(r.ReadInt64(), r.ReadInt32()));

    private static int Steps(long n)
    {
        var steps = 0;
        while (n != 1)
        {
            n = (n & 1) == 0 ? n >> 1 : (3 * n) + 1;
            steps++;
        }

        return steps;
    }
}
