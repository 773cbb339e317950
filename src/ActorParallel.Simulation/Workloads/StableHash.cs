namespace ActorParallel.Simulation.Workloads;

/// <summary>
/// FNV-1a over UTF-16 code units. <see cref="string.GetHashCode()"/> is randomised per process,
/// so keys must be hashed with this to land on the same partition on every node.
/// </summary>
public static class StableHash
{
    public static uint Fnv1a(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    /// <summary>The partition in [0, partitions) that owns <paramref name="key"/>.</summary>
    public static int Partition(string key, int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        return (int)(Fnv1a(key) % (uint)partitions);
    }
}
