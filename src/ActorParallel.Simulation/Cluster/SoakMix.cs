using ActorParallel.Simulation.Lab;

namespace ActorParallel.Simulation.Cluster;

/// <summary>
/// The small jobs a soak cycles through: one per workload, each in <see cref="Variants"/> variants (another seed and a
/// slightly different size), so that two consecutive jobs of a workload expect different answers and a result left
/// over from an earlier job cannot pass as the next one's. Each is a few milliseconds of work on two cores.
/// </summary>
public static class SoakMix
{
    /// <summary>Variants per workload; the serial references of all of them are computed once and kept.</summary>
    public const int Variants = 4;

    /// <summary>The workloads a soak runs when none are named: every built-in one.</summary>
    public static IReadOnlyList<string> Default { get; } = ["pi", "primes", "matmul", "mandelbrot", "synthetic", "io", "wordcount", "heat"];

    /// <summary>
    /// The options of job <paramref name="index"/> (from 0) of a soak over <paramref name="workloads"/>: the workloads in
    /// turn, the variant changing every round. A workload without a small size of ours keeps its configured size.
    /// </summary>
    public static RunOptions Job(IReadOnlyList<string> workloads, int index)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        var workload = workloads[index % workloads.Count];
        var variant = index / workloads.Count % Variants;
        var seed = 42 + variant;
        var options = new RunOptions(workload) { Seed = seed, SkipTpl = true, BatchTime = "0" };
        return workload switch
        {
            "pi" => options with { Size = 200_000 + (variant * 10_000), Tasks = 8 },
            "primes" => options with { Size = 200_000 + (variant * 1_000), Tasks = 8 },
            "matmul" => options with { Size = 40 + (variant * 4), Tasks = 4 },
            "mandelbrot" => options with { Size = 64 + (variant * 8), Tasks = 8, Options = ["max-iter=200"] },
            "synthetic" => options with { Size = 20_000 + (variant * 1_000), Tasks = 8 },
            "io" => options with { Size = 8, Tasks = 8, Options = [$"latency-ms={1 + variant}"] },
            "wordcount" => options with { Size = 20_000 + (variant * 1_000), Tasks = 4, Options = ["vocabulary=500", "reducers=2"] },
            "heat" => options with { Size = 32 + (variant * 2), Tasks = 2, Options = ["steps=20"] },
            _ => options,
        };
    }
}
