namespace ActorParallel.Simulation.Workloads;

/// <summary>A half-open range [Start, End) of items, e.g. rows or sample blocks.</summary>
public readonly record struct Range64(long Start, long End)
{
    public long Length => End - Start;

    /// <summary>Splits [0, total) into <paramref name="parts"/> contiguous ranges whose lengths differ by at most one.</summary>
    public static IEnumerable<Range64> Split(long total, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var q = total / parts;
        var r = total % parts;
        var start = 0L;
        for (var i = 0; i < parts; i++)
        {
            var length = q + (i < r ? 1 : 0);
            yield return new Range64(start, start + length);
            start += length;
        }
    }
}
