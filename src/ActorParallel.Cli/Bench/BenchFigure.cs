namespace ActorParallel.Cli.Bench;

/// <summary>Which way a figure improves: more (throughput, speedup) or less (time, bytes).</summary>
public enum Better
{
    Higher,
    Lower,
}

/// <summary>What a <see cref="BenchGoal"/> is checked against: the figure's value, or its ratio to the in-run baseline.</summary>
public enum GoalOf
{
    Value,
    Ratio,
}

/// <summary>
/// One measured figure beside the baseline measured in the same run. <see cref="Ratio"/> is always
/// value ÷ baseline; <see cref="Direction"/> says whether a larger value (and ratio) is good.
/// <see cref="Detail"/> says what exactly was measured (sizes, task counts, times behind a speedup).
/// </summary>
public sealed record BenchFigure(
    string Scenario,
    string Name,
    string Unit,
    double Value,
    Better Direction,
    double? Baseline = null,
    string? BaselineName = null,
    BenchGoal? Goal = null,
    string? Detail = null)
{
    /// <summary>Value ÷ baseline; null without a baseline, or when the baseline allocates under one byte (a ratio to ~0 is noise).</summary>
    public double? Ratio =>
        Baseline is not { } baseline || baseline <= 0 || (Unit.StartsWith("B/", StringComparison.Ordinal) && baseline < 1)
            ? null
            : Value / baseline;

    /// <summary>True or false when there is a goal; null when the figure has none. A ratio goal without a ratio is not met.</summary>
    public bool? GoalMet => Goal switch
    {
        null => null,
        { Of: GoalOf.Ratio } g => Ratio is { } r && g.IsMet(r),
        var g => g.IsMet(Value),
    };

    /// <summary>
    /// A figure is sane when every number in it is finite, rates and speedups are positive, and
    /// costs (time, bytes) are not negative: zero bytes per task is a real result.
    /// </summary>
    public bool IsSane => Sane(Value) && (Baseline is null || Sane(Baseline.Value));

    private bool Sane(double x) => double.IsFinite(x) && (Direction == Better.Higher ? x > 0 : x >= 0);
}

/// <summary>
/// A target for a figure: its value (or its ratio to the baseline, see <see cref="Of"/>) at least or at most
/// <see cref="Threshold"/>, described for the report.
/// </summary>
public sealed record BenchGoal(double Threshold, Better Direction, string Text, GoalOf Of = GoalOf.Value)
{
    public static BenchGoal AtLeast(double threshold, string text) => new(threshold, Better.Higher, text);

    public static BenchGoal AtMost(double threshold, string text) => new(threshold, Better.Lower, text);

    /// <summary>The figure's ratio to its in-run baseline at least <paramref name="threshold"/>.</summary>
    public static BenchGoal RatioAtLeast(double threshold, string text) => new(threshold, Better.Higher, text, GoalOf.Ratio);

    public bool IsMet(double x) => Direction == Better.Higher ? x >= Threshold : x <= Threshold;
}
