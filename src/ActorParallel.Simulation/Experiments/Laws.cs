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
