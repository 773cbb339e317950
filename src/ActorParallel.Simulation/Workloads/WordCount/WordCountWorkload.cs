using System.Collections.Immutable;
using ActorParallel.Simulation.Serialization;

namespace ActorParallel.Simulation.Workloads.WordCount;

/// <summary>A map task: the lines themselves travel to the worker.</summary>
public sealed record WordCountTask(ImmutableArray<string> Lines);

/// <summary>Map-reduce word count: map tasks count their lines; reduce sums by key (partitionable for a shuffle).</summary>
public sealed class WordCountWorkload : Workload<WordCountTask, WordCounts, WordCounts>, IShuffleWorkload, IWireTypes, IWarmUpWorkload
{
    public override string Name => "wordcount";

    public override string Description => "Map-reduce word count over a generated Zipf corpus or your files (option input=PATH)";

    public override long DefaultSize => 1_500_000;

    public override string SizeUnit => "words (generated corpus)";

    public override IReadOnlyList<WorkloadOption> Options { get; } =
    [
        new("vocabulary", "5000", "distinct words in the generated corpus"),
        new("input", "", "read these files instead (';'-separated files or directories of *.txt)"),
        new("reducers", "4", "reducer actors behind the actor shuffle's consistent-hashing router"),
    ];

    protected override IEnumerable<WordCountTask> Split(WorkloadParameters p)
    {
        var lines = AllLines(p);
        return Range64.Split(lines.Count, p.Tasks)
            .Select(r => new WordCountTask(lines.Skip((int)r.Start).Take((int)r.Length).ToImmutableArray()));
    }

    protected override WordCounts Execute(WordCountTask t) => WordCounts.Count(t.Lines);

    /// <summary>Partitions each map output by key, reduces each partition, then concatenates (as the shuffle does).</summary>
    protected override WordCounts Combine(WorkloadParameters p, IReadOnlyList<WordCounts> outputs)
    {
        var reducers = p.GetInt("reducers", 4);
        var partitions = outputs.Select(o => o.Partition(reducers)).ToArray();
        var reduced = Enumerable.Range(0, reducers).Select(r => WordCounts.Reduce(partitions.Select(part => part[r])));
        return WordCounts.Reduce(reduced);
    }

    protected override WordCounts Serial(WorkloadParameters p) => WordCounts.Count(AllLines(p));

    protected override string Describe(WordCounts a) =>
        $"{a.TotalWords} words, {a.Counts.Length} distinct; top: " +
        string.Join(", ", a.Counts.OrderByDescending(c => c.Count).ThenBy(c => c.Word, StringComparer.Ordinal).Take(3).Select(c => $"{c.Word}={c.Count}"));

    protected override IReadOnlyDictionary<string, double> Values(WordCounts a) =>
        new Dictionary<string, double> { ["total_words"] = a.TotalWords, ["distinct_words"] = a.Counts.Length };

    protected override long EstimateBytes(WordCountTask task)
    {
        var bytes = 16L;
        foreach (var line in task.Lines)
            bytes += 8L + (2L * line.Length);
        return bytes;
    }

    /// <summary>Sized for every shuffled part a reducer receives, so a plain loop.</summary>
    protected override long EstimateBytes(WordCounts output)
    {
        var bytes = 16L;
        foreach (var c in output.Counts)
            bytes += 16L + (2L * c.Word.Length);
        return bytes;
    }

    /// <summary>A map task carries its lines; map outputs, shuffle parts, reduced partitions and the answer are word counts.</summary>
    public void RegisterWireTypes(WireRegistry.Builder wire) => wire
        .Add("wc.task", static (w, t) => w.WriteArray(t.Lines.AsSpan(), static (w, line) => w.WriteString(line)),
            static (ref WireReader r) => new WordCountTask(r.ReadImmutableArray(static (ref WireReader r) => r.ReadRequiredString())))
        .Add("wc.counts", static (w, c) => w.WriteArray(c.Counts.AsSpan(), static (w, f) =>
        {
            w.WriteString(f.Word);
            w.WriteInt64(f.Count);
        }), static (ref WireReader r) => new WordCounts(r.ReadImmutableArray(
            static (ref WireReader r) => new WordFrequency(r.ReadRequiredString(), r.ReadInt64()), minBytesEach: 2)));

    public override void Validate(WorkloadParameters parameters)
    {
        base.Validate(parameters);
        if (parameters.GetInt("vocabulary", 5000) < 1 || parameters.GetInt("reducers", 4) < 1)
            throw new WorkloadParameterException("wordcount: vocabulary and reducers must be at least 1");
    }

    /// <summary>
    /// The same tasks and reducers over a generated corpus of 100 words per task (files given with <c>input</c> are not
    /// read for it), so that the shuffle's path (router, reducers, partitioning and reducing) has run before the clock.
    /// </summary>
    public WorkloadParameters WarmUpParameters(WorkloadParameters job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job with { Size = Math.Min(job.Size, 100L * job.Tasks), Options = job.Options.Remove("input") };
    }

    public int Reducers(WorkloadParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.GetInt("reducers", 4);
    }

    /// <summary>Word w goes to partition <see cref="StableHash.Partition"/>(w, partitions): the same on every node.</summary>
    public IReadOnlyList<object> Partition(object mapOutput, int partitions) => [.. ((WordCounts)mapOutput).Partition(partitions)];

    public object Reduce(IReadOnlyList<object> parts) => WordCounts.Reduce(parts.Cast<WordCounts>());

    /// <summary>Partitions hold disjoint words, so merging the reduced ones is a sorted concatenation (<see cref="WordCounts.Merge"/>).</summary>
    public object CombineReduced(WorkloadParameters parameters, IReadOnlyList<object> reduced)
    {
        ArgumentNullException.ThrowIfNull(reduced);
        return WordCounts.Merge([.. reduced.Cast<WordCounts>()]);
    }

    private static IReadOnlyList<string> AllLines(WorkloadParameters p)
    {
        var input = p.GetString("input", "");
        return input.Length > 0
            ? Corpus.ReadFiles(input)
            : new Corpus(p.Seed, p.GetInt("vocabulary", 5000)).Lines(0, Corpus.LinesFor(p.Size)).ToArray();
    }
}
