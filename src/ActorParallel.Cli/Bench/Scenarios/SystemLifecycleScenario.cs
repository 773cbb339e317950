using System.Runtime;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// Creating and terminating an ActorSystem: the first time in the process (loading, JIT, reading
/// the reference config: what a program pays at start) and then warm, as the median of repeats.
/// There is no in-run baseline; the Akka.NET reference is 240 ms added to process start. The number of methods
/// the JIT compiled during the first run is reported too: unlike the time it does not depend on the machine's load,
/// and it is what ReadyToRun and a lean startup path reduce.
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
                AkkaReference: AkkaReference.CreateTerminateMs, Goal: AkkaReference.CreateTerminateGoal),
            new BenchFigure(Id, "ActorSystem create + terminate, first in process: methods JIT-compiled", "methods", jitted, Better.Lower),
            new BenchFigure(Id, "ActorSystem create + terminate, warm", "ms", warm, Better.Lower,
                AkkaReference: AkkaReference.CreateTerminateMs, Goal: AkkaReference.CreateTerminateGoal),
        ];
    }

    private static void CreateAndTerminate()
    {
        var system = BenchSystem.Create("bench-lifecycle-" + Interlocked.Increment(ref _created));
        BenchSystem.Shutdown(system);
    }
}
