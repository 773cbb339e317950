using ActorParallel.Simulation.Metrics;

namespace ActorParallel.Simulation.Experiments;

/// <summary>The laws of parallel speedup, as functions of the serial fraction s and worker count W.</summary>
public static class Laws
{
    /// <summary>Amdahl: fixed problem, S(W) = 1 / (s + (1 - s) / W).</summary>
    public static double Amdahl(double serialFraction, double workers) => 1 / (serialFraction + ((1 - serialFraction) / workers));

    /// <summary>Gustafson: problem grown with W, scaled speedup S(W) = W - s (W - 1), s measured on the parallel run.</summary>
    public static double Gustafson(double serialFraction, double workers) => workers - (serialFraction * (workers - 1));

    /// <summary>Karp-Flatt: e = (1/S - 1/W) / (1 - 1/W); null for W = 1.</summary>
    public static double? KarpFlatt(double speedup, int workers) => Scaling.KarpFlattSerialFraction(speedup, workers);
}

/// <summary>Which law a serial fraction was fitted to.</summary>
public enum ScalingLaw
{
    /// <summary>Fixed problem size (strong scaling).</summary>
    Amdahl,

    /// <summary>Problem grown with W (weak scaling).</summary>
    Gustafson,
}

/// <summary>A least-squares serial fraction, the law it was fitted to, and how well it explains the points (R^2 of speedups).</summary>
public sealed record SerialFractionFit(ScalingLaw Law, double SerialFraction, double RSquared, int Points)
{
    /// <summary>The speedup the fit predicts at <paramref name="workers"/>.</summary>
    public double Predict(double workers) => Law == ScalingLaw.Amdahl
        ? Laws.Amdahl(SerialFraction, workers)
        : Laws.Gustafson(SerialFraction, workers);

    /// <summary>
    /// Fits Amdahl's 1/S = s + (1 - s)/W, which is linear in s: 1/S - 1/W = s (1 - 1/W). With x = 1 - 1/W
    /// and y = 1/S - 1/W, least squares through the origin gives s = sum(xy) / sum(x^2), clamped to [0, 1].
    /// Points at W = 1 carry no information about s (x = 0) and drop out on their own.
    /// </summary>
    public static SerialFractionFit Amdahl(IEnumerable<(int Workers, double Speedup)> points) =>
        Fit(ScalingLaw.Amdahl, points, (w, speedup) => (1 - (1.0 / w), (1 / speedup) - (1.0 / w)));

    /// <summary>Fits Gustafson's S = W - s (W - 1): with x = W - 1 and y = W - S, s = sum(xy) / sum(x^2).</summary>
    public static SerialFractionFit Gustafson(IEnumerable<(int Workers, double Speedup)> points) =>
        Fit(ScalingLaw.Gustafson, points, (w, speedup) => (w - 1.0, w - speedup));

    private static SerialFractionFit Fit(ScalingLaw law, IEnumerable<(int Workers, double Speedup)> points, Func<int, double, (double X, double Y)> linearise)
    {
        ArgumentNullException.ThrowIfNull(points);
        var valid = points.Where(p => p.Workers >= 1 && p.Speedup > 0 && double.IsFinite(p.Speedup)).ToArray();
        double sxy = 0, sxx = 0;
        foreach (var (w, speedup) in valid)
        {
            var (x, y) = linearise(w, speedup);
            sxy += x * y;
            sxx += x * x;
        }

        if (sxx == 0)
            throw new ArgumentException($"a {law} fit needs at least one point with W > 1", nameof(points));
        var fit = new SerialFractionFit(law, Math.Clamp(sxy / sxx, 0, 1), 1, valid.Length);

        var mean = valid.Average(p => p.Speedup);
        var total = valid.Sum(p => Math.Pow(p.Speedup - mean, 2));
        var residual = valid.Sum(p => Math.Pow(p.Speedup - fit.Predict(p.Workers), 2));
        return fit with { RSquared = total > 0 ? 1 - (residual / total) : 1 };
    }
}
