namespace ActorParallel.Simulation.Experiments;

/// <summary>
/// One quantity measured several times (times in milliseconds): the raw samples in the order they were taken,
/// and what the reports print of them. Quartiles interpolate linearly between order statistics (Hyndman and
/// Fan's type 7, the default of R, NumPy and Excel's QUARTILE.INC), so three samples give Q1 halfway between the
/// lowest and the median.
/// </summary>
public sealed record SampleStats(IReadOnlyList<double> Samples)
{
    /// <summary>Above this relative spread (<see cref="Spread"/>) the reports warn that a point is too noisy to read closely.</summary>
    public const double SpreadLimit = 0.10;

    public int N => Samples.Count;

    public double Median => Quantile(0.5);

    public double Min => N == 0 ? double.NaN : Samples.Min();

    public double Max => N == 0 ? double.NaN : Samples.Max();

    public double Q1 => Quantile(0.25);

    public double Q3 => Quantile(0.75);

    /// <summary>
    /// The interquartile range over the median, (Q3 - Q1) / median: the spread of the middle half of the samples.
    /// Chosen over (max - min) / median because one disturbed run out of five should show as an outlier in the
    /// samples, not condemn the point; with two samples it is half their range over their mean. 0 for one sample.
    /// </summary>
    public double Spread => N < 2 || Median <= 0 ? 0 : (Q3 - Q1) / Median;

    public bool TooNoisy => Spread > SpreadLimit;

    public static SampleStats Of(IEnumerable<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return new SampleStats([.. samples]);
    }

    /// <summary>The samples that are present, or null when none is (a quantity that was not measured).</summary>
    public static SampleStats? OfPresent(IEnumerable<double?> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var present = samples.OfType<double>().ToArray();
        return present.Length == 0 ? null : new SampleStats(present);
    }

    /// <summary>The q-quantile (0 to 1), interpolated linearly between the order statistics; NaN without samples.</summary>
    public double Quantile(double q)
    {
        if (N == 0)
            return double.NaN;
        var sorted = Samples.Order().ToArray();
        var h = (sorted.Length - 1) * Math.Clamp(q, 0, 1);
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }
}
