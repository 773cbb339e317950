using System.Collections.Immutable;
using ActorParallel.Simulation.Serialization;
using ActorParallel.Simulation.Workloads;

namespace MyWorkloadLab;

/// <summary>One map task: the numbers [First, End).</summary>
public sealed record MyWorkloadTask(long First, long End);

/// <summary>
/// How many numbers have each digit sum (Counts[s] numbers have digit sum s): a map output, a shuffled part, a
/// reduced partition and the answer. Compared by content.
/// </summary>
public sealed record DigitSums(ImmutableArray<long> Counts)
{
    /// <summary>Digit sums of numbers below 10^18 are at most 9 * 18.</summary>
    public const int Keys = (9 * 18) + 1;

    public bool Equals(DigitSums? other) => other is not null && Counts.AsSpan().SequenceEqual(other.Counts.AsSpan());

    public override int GetHashCode() => Counts.Length;

    public static DigitSums Sum(IEnumerable<DigitSums> parts)
    {
        var total = new long[Keys];
        foreach (var part in parts)
        {
            for (var s = 0; s < Keys; s++)
                total[s] += part.Counts[s];
        }

        return new DigitSums([.. total]);
    }
}

/// <summary>
/// A sample map-reduce (shuffle) workload to replace with your own: how many numbers below N have each digit sum.
/// Map tasks count their range; each count is cut by key into partitions that travel to reducer actors (the shuffle);
/// each reducer sums its partition; the answer puts the reduced partitions together. The serial reference is one loop.
/// </summary>
public sealed class MyWorkload : Workload<MyWorkloadTask, DigitSums, DigitSums>, IShuffleWorkload, IWireTypes
{
    public override string Name => "my-workload";

    public override string Description => "How many numbers below N have each digit sum (sample map-reduce)";

    public override long DefaultSize => 20_000_000;

    public override string SizeUnit => "N";

    public override IReadOnlyList<WorkloadOption> Options { get; } = [new("reducers", "3", "reducer actors the shuffle spreads the partitions over")];

    public override void Validate(WorkloadParameters parameters)
    {
        base.Validate(parameters);
        if (parameters.GetInt("reducers", 3) < 1)
            throw new WorkloadParameterException($"{Name}: reducers must be at least 1");
    }

    protected override IEnumerable<MyWorkloadTask> Split(WorkloadParameters p) =>
        Range64.Split(p.Size, p.Tasks).Select(r => new MyWorkloadTask(r.Start, r.End));

    protected override DigitSums Execute(MyWorkloadTask task)
    {
        var counts = new long[DigitSums.Keys];
        for (var n = task.First; n < task.End; n++)
            counts[DigitSum(n)]++;
        return new DigitSums([.. counts]);
    }

    /// <summary>Without a shuffle (the TPL version and the tests): the sum of every map output.</summary>
    protected override DigitSums Combine(WorkloadParameters p, IReadOnlyList<DigitSums> outputs) => DigitSums.Sum(outputs);

    /// <summary>The reference: one plain loop, written as simply as possible.</summary>
    protected override DigitSums Serial(WorkloadParameters p)
    {
        var counts = new long[DigitSums.Keys];
        for (var n = 0L; n < p.Size; n++)
            counts[DigitSum(n)]++;
        return new DigitSums([.. counts]);
    }

    protected override string Describe(DigitSums answer)
    {
        var top = Enumerable.Range(0, DigitSums.Keys).MaxBy(s => answer.Counts[s]);
        return $"{answer.Counts.Sum()} numbers; the most common digit sum is {top} ({answer.Counts[top]} numbers)";
    }

    public int Reducers(WorkloadParameters parameters) => parameters?.GetInt("reducers", 3) ?? 3;

    /// <summary>Digit sum s goes to partition s % partitions: the same on every node.</summary>
    public IReadOnlyList<object> Partition(object mapOutput, int partitions)
    {
        var counts = ((DigitSums)mapOutput).Counts;
        return [.. Enumerable.Range(0, partitions).Select(p => new DigitSums([.. counts.Select((c, s) => s % partitions == p ? c : 0)]))];
    }

    public object Reduce(IReadOnlyList<object> parts) => DigitSums.Sum(parts.Cast<DigitSums>());

    public object CombineReduced(WorkloadParameters parameters, IReadOnlyList<object> reduced) => DigitSums.Sum(reduced.Cast<DigitSums>());

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
        .Add("my-workload.sums", static (w, d) => w.WriteArray(d.Counts.AsSpan(), static (w, c) => w.WriteInt64(c)),
            static (ref WireReader r) => new DigitSums(r.ReadImmutableArray(static (ref WireReader r) => r.ReadInt64())));

    private static int DigitSum(long n)
    {
        var sum = 0;
        for (; n > 0; n /= 10)
            sum += (int)(n % 10);
        return sum;
    }
}
