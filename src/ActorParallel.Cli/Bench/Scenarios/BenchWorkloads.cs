using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// The size each lab workload is benchmarked at. Full: about the workload's default (the serial run takes
/// 0.1-0.7 s on 2 cores); quick: about a third of that; tiny: the engine tests' small sizes. A workload not
/// listed here (a user's, registered with <c>WorkloadRegistry.With</c>) runs at its default size and tasks.
/// </summary>
internal static class BenchWorkloads
{
    public static WorkloadParameters Parameters(IWorkload workload, BenchScale scale)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return (workload.Name, scale) switch
        {
            // On actors heat takes several times its serial time (halo exchange every step), so it is kept smaller.
            ("heat", BenchScale.Full) => new WorkloadParameters(600, 4).With("steps", "120"),
            ("heat", BenchScale.Quick) => new WorkloadParameters(400, 4).With("steps", "80"),
            ("heat", _) => new WorkloadParameters(14, 4).With("steps", "9"),

            // Waiting, not computing: a worker awaits its task, so actors can beat two blocking TPL threads.
            ("io", BenchScale.Full) => new WorkloadParameters(24, 24).With("latency-ms", "10"),
            ("io", BenchScale.Quick) => new WorkloadParameters(12, 12).With("latency-ms", "10"),
            ("io", _) => new WorkloadParameters(8, 8).With("latency-ms", "1"),

            ("mandelbrot", BenchScale.Full) => new WorkloadParameters(700, 350),
            ("mandelbrot", BenchScale.Quick) => new WorkloadParameters(400, 200),
            ("mandelbrot", _) => new WorkloadParameters(30, 7).With("max-iter", "50"),

            ("matmul", BenchScale.Full) => new WorkloadParameters(700, 24),
            ("matmul", BenchScale.Quick) => new WorkloadParameters(450, 24),
            ("matmul", _) => new WorkloadParameters(17, 5),

            ("pi", BenchScale.Full) => new WorkloadParameters(80_000_000, 64),
            ("pi", BenchScale.Quick) => new WorkloadParameters(25_000_000, 32),
            ("pi", _) => new WorkloadParameters(100_000, 9),

            ("primes", BenchScale.Full) => new WorkloadParameters(100_000_000, 32),
            ("primes", BenchScale.Quick) => new WorkloadParameters(30_000_000, 32),
            ("primes", _) => new WorkloadParameters(50_000, 9),

            ("synthetic", BenchScale.Full) => new WorkloadParameters(500_000, 64),
            ("synthetic", BenchScale.Quick) => new WorkloadParameters(200_000, 64),
            ("synthetic", _) => new WorkloadParameters(2_000, 9),

            ("wordcount", BenchScale.Full) => new WorkloadParameters(1_500_000, 32),
            ("wordcount", BenchScale.Quick) => new WorkloadParameters(500_000, 32),
            ("wordcount", _) => new WorkloadParameters(2_000, 7).With("vocabulary", "40").With("reducers", "3"),

            _ => new WorkloadParameters(workload.DefaultSize, workload.DefaultTasks),
        };
    }
}
