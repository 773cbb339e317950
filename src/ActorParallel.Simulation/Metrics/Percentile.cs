namespace ActorParallel.Simulation.Metrics;

/// <summary>Nearest-rank percentiles: the smallest value with at least p% of the values at or below it.</summary>
public static class Percentile
{
    public static double NearestRank(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
            return 0;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    /// <summary>
    /// Percentiles of <paramref name="values"/>, sorting them where they are instead of copying them (the metrics keep a
    /// few samples per task; a copy of each list at the end of a job cost 24 bytes per task).
    /// </summary>
    public static Percentiles SortAndTake(Span<double> values)
    {
        if (values.Length == 0)
            return Percentiles.Empty;
        values.Sort();
        return new Percentiles(Rank(values, 50), Rank(values, 95), Rank(values, 99), values[^1]);
    }

    private static double Rank(ReadOnlySpan<double> sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length), 1, sorted.Length) - 1];

    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted.Length == 0
            ? Percentiles.Empty
            : new Percentiles(NearestRank(sorted, 50), NearestRank(sorted, 95), NearestRank(sorted, 99), sorted[^1]);
    }

    /// <summary>The median (mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
