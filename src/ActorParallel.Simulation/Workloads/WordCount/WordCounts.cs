using System.Collections.Immutable;

namespace ActorParallel.Simulation.Workloads.WordCount;

/// <summary>A word and how often it occurs.</summary>
public readonly record struct WordFrequency(string Word, long Count);

/// <summary>
/// Word counts sorted by word (ordinal): the output of a map task, of a reducer, and the final answer.
/// Partitionable by key with <see cref="Partition"/> so a shuffle can route each word to one reducer.
/// </summary>
public sealed record WordCounts(ImmutableArray<WordFrequency> Counts)
{
    public static WordCounts Empty { get; } = new(ImmutableArray<WordFrequency>.Empty);

    public long TotalWords => Counts.Sum(c => c.Count);

    public bool Equals(WordCounts? other) => other is not null && Counts.AsSpan().SequenceEqual(other.Counts.AsSpan());

    public override int GetHashCode() => Counts.Length;

    public static WordCounts From(IEnumerable<KeyValuePair<string, long>> counts) =>
        new(counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new WordFrequency(c.Key, c.Value)).ToImmutableArray());

    /// <summary>Splits these counts into one part per reducer; word w goes to reducer <see cref="StableHash.Partition"/>(w, reducers).</summary>
    public ImmutableArray<WordCounts> Partition(int reducers)
    {
        var parts = Enumerable.Range(0, reducers).Select(_ => ImmutableArray.CreateBuilder<WordFrequency>()).ToArray();
        foreach (var c in Counts)
            parts[StableHash.Partition(c.Word, reducers)].Add(c);
        return parts.Select(p => new WordCounts(p.ToImmutable())).ToImmutableArray();
    }

    /// <summary>Reduce by key: sums the counts of each word across the inputs (order-independent).</summary>
    public static WordCounts Reduce(IEnumerable<WordCounts> parts)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var c in part.Counts)
                totals[c.Word] = totals.GetValueOrDefault(c.Word) + c.Count;
        }

        return From(totals);
    }

    /// <summary>The map step: lower-cased runs of letters.</summary>
    public static WordCounts Count(IEnumerable<string> lines)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var span = line.AsSpan();
            var i = 0;
            while (i < span.Length)
            {
                while (i < span.Length && !char.IsLetter(span[i]))
                    i++;
                var start = i;
                while (i < span.Length && char.IsLetter(span[i]))
                    i++;
                if (i > start)
                {
                    var word = span[start..i].ToString().ToLowerInvariant();
                    totals[word] = totals.GetValueOrDefault(word) + 1;
                }
            }
        }

        return From(totals);
    }
}
