using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ActorParallel.Simulation.Workloads;

/// <summary>
/// Calibrated busy work: one unit is a fixed number of xorshift steps, about a microsecond on a
/// current core. Deterministic (the result depends only on seed and units) and impossible for the
/// JIT to remove because the result is returned.
/// </summary>
public static class Spin
{
    /// <summary>xorshift steps per work unit.</summary>
    public const int StepsPerUnit = 400;

    /// <summary>Spins for <paramref name="units"/>; compiled fully optimised on first call, so every caller runs the same code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Work(ulong seed, long units)
    {
        var x = seed | 1;
        for (var u = 0L; u < units; u++)
        {
            for (var i = 0; i < StepsPerUnit; i++)
            {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
            }
        }

        return x;
    }

    /// <summary>Measures how long one unit takes on this machine (nanoseconds).</summary>
    public static double MeasureNanosecondsPerUnit(long units = 20_000)
    {
        var watch = Stopwatch.StartNew();
        var sink = Work(1, units);
        watch.Stop();
        GC.KeepAlive(sink);
        return watch.Elapsed.TotalNanoseconds / units;
    }
}
