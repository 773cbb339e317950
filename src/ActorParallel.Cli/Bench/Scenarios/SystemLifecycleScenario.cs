using System.Runtime;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// Creating and terminating an Akka.NET ActorSystem, its configuration handed over by the lab's HOCON parser
/// (<see cref="ActorParallel.Simulation.Configuration.AkkaHandOver"/>), logging quiet: the first time in the process (loading,
/// JIT, reading the reference config: what a program pays at start) and then warm, as the median of repeats.
/// The lab pays the warm figure once per job, outside the job clock. There is no in-run baseline: nothing
/// else in .NET does what a system start does, and a ratio to a channel and a task would be meaningless. The
/// number of methods the JIT compiled during the first run is reported too: unlike the time it does not depend
/// on the machine's load.
/// </summary>
public sealed class SystemLifecycleScenario : IBenchScenario
{
    private static int _created;

    public string Id => "system";

    public IReadOnlyList<BenchFigure> Run(BenchSizes sizes, IProgress<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);

        // Not settled first: a program's first system does not start from a freshly collected heap either.
        // All threads: the system's actors start and stop on thread-pool threads.
        var jittedBefore = JitInfo.GetCompiledMethodCount(currentThread: false);
        var first = Measure.Milliseconds(CreateAndTerminate);
        var jitted = JitInfo.GetCompiledMethodCount(currentThread: false) - jittedBefore;
        var warm = Measure.Median(sizes.Warmups, sizes.CreateTerminateRepeats, () => Measure.Milliseconds(CreateAndTerminate));
        progress.Report($"  first {Format.Fixed(first)} ms ({jitted} methods JIT-compiled), warm {Format.Fixed(warm)} ms");
        return
        [
            new BenchFigure(Id, "ActorSystem create + terminate, first in process", "ms", first, Better.Lower,
                Detail: "the process's first system when this scenario runs first, as in a full run"),
            new BenchFigure(Id, "ActorSystem create + terminate, first in process: methods JIT-compiled", "methods", jitted, Better.Lower),
            new BenchFigure(Id, "ActorSystem create + terminate, warm", "ms", warm, Better.Lower,
                Detail: $"median of {sizes.CreateTerminateRepeats}"),
        ];
    }

    private static void CreateAndTerminate()
    {
        var system = BenchSystem.Create("bench-lifecycle-" + Interlocked.Increment(ref _created));
        BenchSystem.Shutdown(system);
    }
}
