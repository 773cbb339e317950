using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActorParallel.Simulation.Workloads.WordCount;

/// <summary>A word and how often it occurs.</summary>
public readonly record struct WordFrequency(string Word, long Count);

/// <summary>
/// Word counts sorted by word (ordinal): the output of a map task, of a reducer, and the final answer.
/// Partitionable by key with <see cref="Partition"/> so a shuffle can route each word (by its partition) to one reducer.
/// </summary>
public sealed record WordCounts(ImmutableArray<WordFrequency> Counts)
{
    public static WordCounts Empty { get; } = new(ImmutableArray<WordFrequency>.Empty);

    public long TotalWords => Counts.Sum(c => c.Count);

    public bool Equals(WordCounts? other) => other is not null && Counts.AsSpan().SequenceEqual(other.Counts.AsSpan());

    public override int GetHashCode() => Counts.Length;

    /// <summary>Counts by word, sorted by word (ordinal); the words must be distinct, as a dictionary's keys are.</summary>
    public static WordCounts From(IEnumerable<KeyValuePair<string, long>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        WordFrequency[] sorted = [.. counts.Select(c => new WordFrequency(c.Key, c.Value))];
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Word, b.Word));
        return new WordCounts(ImmutableCollectionsMarshal.AsImmutableArray(sorted));
    }

    /// <summary>Splits these counts into <paramref name="partitions"/> parts; word w goes to part <see cref="StableHash.Partition"/>(w, partitions).</summary>
    /// <remarks>Each part is sized exactly before it is filled (a shuffle cuts every map output into dozens of parts).</remarks>
    public ImmutableArray<WordCounts> Partition(int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var owner = new int[Counts.Length];
        var sizes = new int[partitions];
        for (var i = 0; i < owner.Length; i++)
            sizes[owner[i] = StableHash.Partition(Counts[i].Word, partitions)]++;
        var parts = new WordFrequency[partitions][];
        for (var p = 0; p < partitions; p++)
            parts[p] = new WordFrequency[sizes[p]];
        var filled = new int[partitions];
        for (var i = 0; i < owner.Length; i++)
            parts[owner[i]][filled[owner[i]]++] = Counts[i];
        var result = ImmutableArray.CreateBuilder<WordCounts>(partitions);
        foreach (var part in parts)
            result.Add(new WordCounts(ImmutableCollectionsMarshal.AsImmutableArray(part)));
        return result.MoveToImmutable();
    }

    /// <summary>
    /// The same as <see cref="Reduce"/> for counts that are each sorted by word, as every <see cref="WordCounts"/> is,
    /// without a dictionary: sorts the entries together and sums runs of the same word. For a shuffle's reduced
    /// partitions, which hold disjoint words, that is a sorted concatenation.
    /// </summary>
    public static WordCounts Merge(IReadOnlyList<WordCounts> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = new WordFrequency[parts.Sum(p => p.Counts.Length)];
        var at = 0;
        foreach (var part in parts)
        {
            part.Counts.CopyTo(all, at);
            at += part.Counts.Length;
        }

        Array.Sort(all, static (a, b) => string.CompareOrdinal(a.Word, b.Word));
        var merged = ImmutableArray.CreateBuilder<WordFrequency>(all.Length);
        foreach (var c in all)
        {
            if (merged.Count > 0 && merged[^1].Word == c.Word)
                merged[^1] = merged[^1] with { Count = merged[^1].Count + c.Count };
            else
                merged.Add(c);
        }

        return new WordCounts(merged.DrainToImmutable());
    }

    /// <summary>Reduce by key: sums the counts of each word across the inputs (order-independent).</summary>
    public static WordCounts Reduce(IEnumerable<WordCounts> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var c in part.Counts)
                CollectionsMarshal.GetValueRefOrAddDefault(totals, c.Word, out _) += c.Count;
        }

        return From(totals);
    }

    /// <summary>Longest word lower-cased on the stack; longer ones (rare) go through a string.</summary>
    private const int StackWord = 128;

    /// <summary>
    /// The map step: lower-cased runs of letters. Each word is lower-cased into a stack buffer and looked up by span, so
    /// only a word new to this map task becomes a string: a map task of 47,000 words used to allocate two strings per
    /// word (4 MB), which on the lab's VM cost more in page faults on fresh memory than the counting itself.
    /// Compiled optimised at its first call and never recompiled: the map kernel is called twice by the serial
    /// reference and 32 times by each parallel run, so the tiered JIT's recompilations (through a slower profiling
    /// version) otherwise fell inside the actor run and sped up the TPL run after it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static WordCounts Count(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var bySpan = totals.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[StackWord];
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
                if (i == start)
                    continue;
                var word = span[start..i];
                if (word.Length <= StackWord && word.ToLowerInvariant(lower) == word.Length)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(bySpan, lower[..word.Length], out _)++;
                }
                else
                {
                    var key = word.ToString().ToLowerInvariant();
                    totals[key] = totals.GetValueOrDefault(key) + 1;
                }
            }
        }

        return From(totals);
    }
}
