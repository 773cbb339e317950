namespace ActorParallel.Cli.Bench;

/// <summary>Which way a figure improves: more (throughput, speedup) or less (time, bytes).</summary>
public enum Better
{
    Higher,
    Lower,
}

/// <summary>
/// One measured figure: the ActorParallel value beside the baseline measured in the same run, the
/// Akka.NET reference measured on this machine (issue 4) and the goal. <see cref="Ratio"/> is
/// always value ÷ baseline; <see cref="Direction"/> says whether a larger ratio is good.
/// </summary>
public sealed record BenchFigure(
    string Scenario,
    string Name,
    string Unit,
    double Value,
    Better Direction,
    double? Baseline = null,
    string? BaselineName = null,
    double? AkkaReference = null,
    BenchGoal? Goal = null)
{
    /// <summary>Value ÷ baseline; null without a baseline, or when the baseline allocates under one byte (a ratio to ~0 is noise).</summary>
    public double? Ratio =>
        Baseline is not { } baseline || baseline <= 0 || (Unit.StartsWith("B/", StringComparison.Ordinal) && baseline < 1)
            ? null
            : Value / baseline;

    /// <summary>True or false when there is a goal; null when the figure has none.</summary>
    public bool? GoalMet => Goal?.IsMet(Value);

    /// <summary>
    /// A figure is sane when every number in it is finite, rates and speedups are positive, and
    /// costs (time, bytes) are not negative: zero bytes per message is a real result.
    /// </summary>
    public bool IsSane => Sane(Value) && (Baseline is null || Sane(Baseline.Value));

    private bool Sane(double x) => double.IsFinite(x) && (Direction == Better.Higher ? x > 0 : x >= 0);
}

/// <summary>A target from issue 4: at least (or at most) <see cref="Threshold"/>, described for the report.</summary>
public sealed record BenchGoal(double Threshold, Better Direction, string Text)
{
    public static BenchGoal AtLeast(double threshold, string text) => new(threshold, Better.Higher, text);

    public static BenchGoal AtMost(double threshold, string text) => new(threshold, Better.Lower, text);

    public bool IsMet(double value) => Direction == Better.Higher ? value >= Threshold : value <= Threshold;
}
