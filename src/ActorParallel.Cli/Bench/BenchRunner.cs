using System.Diagnostics;
using ActorParallel.Cli.Bench.Scenarios;
using ActorParallel.Simulation.Reports;

namespace ActorParallel.Cli.Bench;

/// <summary>Runs scenarios one after the other in this process and collects their figures.</summary>
public static class BenchRunner
{
    /// <summary>
    /// Every scenario in run order. Create-and-terminate goes first so that its first system really
    /// is the first one created in the process.
    /// </summary>
    public static IReadOnlyList<IBenchScenario> AllScenarios() =>
    [
        new SystemLifecycleScenario(),
        new PingPongScenario(),
        new FarmScenario(),
        new WorkloadsScenario(),
        new HoconParseScenario(),
        new SerializerScenario(),
    ];

    public static BenchReport Run(BenchSizes sizes, IReadOnlyList<IBenchScenario> scenarios, IProgress<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(progress);
        var machine = RunEnvironment.Capture();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var figures = new List<BenchFigure>();
        foreach (var scenario in scenarios)
        {
            progress.Report($"{scenario.Id} ...");
            var scenarioClock = Stopwatch.StartNew();
            figures.AddRange(scenario.Run(sizes, progress));
            progress.Report($"{scenario.Id} done in {scenarioClock.Elapsed.TotalSeconds:F1} s");
        }

        return new BenchReport(sizes.Mode, machine, started, clock.Elapsed.TotalSeconds, RunEnvironment.ReadLoadAverage(), figures);
    }
}
