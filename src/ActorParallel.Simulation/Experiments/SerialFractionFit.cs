namespace ActorParallel.Simulation.Experiments;

/// <summary>Which law a serial fraction was fitted to.</summary>
public enum ScalingLaw
{
    /// <summary>Fixed problem size (strong scaling).</summary>
    Amdahl,

    /// <summary>Problem grown with W (weak scaling).</summary>
    Gustafson,
}

/// <summary>What a fit counts as the number of processors at each point.</summary>
public enum FitAxis
{
    /// <summary>The worker count W: every worker is taken to be a full processor, so the fit also absorbs the platform's loss of capacity.</summary>
    Workers,

    /// <summary>
    /// The measured capacity W_eff = W x B(1) / B(W) (B = total worker busy time for the same work): the fit sees
    /// only what the platform's capacity does not explain, which is the workload's (and the engine's) serial part.
    /// </summary>
    Capacity,
}

/// <summary>A least-squares serial fraction, the law and axis it was fitted to, and how well it explains the points (R^2 of speedups).</summary>
public sealed record SerialFractionFit(ScalingLaw Law, double SerialFraction, double RSquared, int Points)
{
    /// <summary>Whether the fit was made against W or against the measured capacity W_eff.</summary>
    public FitAxis Axis { get; init; } = FitAxis.Workers;

    /// <summary>How many rounds of repeats were fitted one by one (their median is <see cref="SerialFraction"/>); 0 for a single fit.</summary>
    public int Rounds { get; init; }

    /// <summary>The parameters a fit estimates: the serial fraction s alone.</summary>
    public const int Parameters = 1;

    /// <summary>
    /// The points that carry information about s: those with more than one processor (at P = 1 every law
    /// predicts S = 1, whatever s is).
    /// </summary>
    public int InformativePoints { get; init; }

    /// <summary>
    /// Whether the fit has at least one informative point more than it has parameters; with fewer, s is
    /// whatever passes through the points, R^2 says nothing, and the reports print a warning instead of the fit.
    /// </summary>
    public bool Determined => InformativePoints >= Parameters + 1;

    /// <summary>The speedup the fit predicts on <paramref name="processors"/> processors (W, or W_eff for a capacity fit).</summary>
    public double Predict(double processors) => Law == ScalingLaw.Amdahl
        ? Laws.Amdahl(SerialFraction, processors)
        : Laws.Gustafson(SerialFraction, processors);

    /// <summary>Fits Amdahl's law against the worker count; see <see cref="Amdahl(IEnumerable{ValueTuple{double, double}}, FitAxis)"/>.</summary>
    public static SerialFractionFit Amdahl(IEnumerable<(int Workers, double Speedup)> points) =>
        Amdahl(Widen(points), FitAxis.Workers);

    /// <summary>
    /// Fits Amdahl's 1/S = s + (1 - s)/P, which is linear in s: 1/S - 1/P = s (1 - 1/P). With x = 1 - 1/P
    /// and y = 1/S - 1/P, least squares through the origin gives s = sum(xy) / sum(x^2), clamped to [0, 1].
    /// P is W or the measured capacity W_eff (<paramref name="axis"/> says which). Points at P = 1 carry no
    /// information about s (x = 0) and drop out on their own.
    /// </summary>
    public static SerialFractionFit Amdahl(IEnumerable<(double Processors, double Speedup)> points, FitAxis axis) =>
        Fit(ScalingLaw.Amdahl, axis, points, (p, speedup) => (1 - (1 / p), (1 / speedup) - (1 / p)));

    /// <summary>Fits Gustafson's law against the worker count; see <see cref="Gustafson(IEnumerable{ValueTuple{double, double}}, FitAxis)"/>.</summary>
    public static SerialFractionFit Gustafson(IEnumerable<(int Workers, double Speedup)> points) =>
        Gustafson(Widen(points), FitAxis.Workers);

    /// <summary>Fits Gustafson's S = P - s (P - 1): with x = P - 1 and y = P - S, s = sum(xy) / sum(x^2). P is W or W_eff.</summary>
    public static SerialFractionFit Gustafson(IEnumerable<(double Processors, double Speedup)> points, FitAxis axis) =>
        Fit(ScalingLaw.Gustafson, axis, points, (p, speedup) => (p - 1, p - speedup));

    private static IEnumerable<(double, double)> Widen(IEnumerable<(int Workers, double Speedup)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return points.Select(p => ((double)p.Workers, p.Speedup));
    }

    private static SerialFractionFit Fit(ScalingLaw law, FitAxis axis, IEnumerable<(double Processors, double Speedup)> points, Func<double, double, (double X, double Y)> linearise)
    {
        ArgumentNullException.ThrowIfNull(points);
        var valid = points.Where(p => p.Processors > 0 && double.IsFinite(p.Processors) && p.Speedup > 0 && double.IsFinite(p.Speedup)).ToArray();
        double sxy = 0, sxx = 0;
        foreach (var (processors, speedup) in valid)
        {
            var (x, y) = linearise(processors, speedup);
            sxy += x * y;
            sxx += x * x;
        }

        if (sxx == 0)
            throw new ArgumentException($"a {law} fit needs at least one point with more than one processor", nameof(points));
        return new SerialFractionFit(law, 0, 1, valid.Length) { Axis = axis }.Scored(sxy / sxx, valid);
    }

    /// <summary>This law and axis with serial fraction <paramref name="serialFraction"/> (clamped to [0, 1]), and its R^2 on <paramref name="points"/>.</summary>
    internal SerialFractionFit Scored(double serialFraction, IEnumerable<(double Processors, double Speedup)> points)
    {
        var valid = points.Where(p => p.Processors > 0 && double.IsFinite(p.Processors) && p.Speedup > 0 && double.IsFinite(p.Speedup)).ToArray();
        var fit = this with { SerialFraction = Math.Clamp(serialFraction, 0, 1), Points = valid.Length, InformativePoints = valid.Count(p => p.Processors != 1) };
        var mean = valid.Length == 0 ? 0 : valid.Average(p => p.Speedup);
        var total = valid.Sum(p => Math.Pow(p.Speedup - mean, 2));
        var residual = valid.Sum(p => Math.Pow(p.Speedup - fit.Predict(p.Processors), 2));
        return fit with { RSquared = total > 0 ? 1 - (residual / total) : 1 };
    }
}
