namespace ActorParallel.Simulation.Workloads;

/// <summary>
/// A tiny, fast, portable random generator (Steele, Lea and Flood's SplitMix64). Unlike
/// <see cref="Random"/> its sequence is fixed by this code, so generated data is the same on
/// every machine and runtime version; streams are derived from (seed, index) so each task can
/// generate its own data without sharing a generator.
/// </summary>
public struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>A generator for stream <paramref name="index"/> of <paramref name="seed"/>.</summary>
    public static SplitMix64 ForStream(long seed, long index) => new(Mix(unchecked(((ulong)seed * 0x9E3779B97F4A7C15UL) ^ Mix((ulong)index + 0x632BE59BD9B4E019UL))));

    public static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    public ulong NextUInt64() => Mix(_state = unchecked(_state + 0x9E3779B97F4A7C15UL));

    /// <summary>A double uniformly distributed in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, bound).</summary>
    public int NextInt(int bound) => (int)((NextUInt64() >> 33) % (ulong)bound);
}
