using System.Globalization;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// Every registered workload at a bench size (<see cref="BenchWorkloads"/>), run the way the lab's <c>run</c>
/// runs it (<see cref="JobRunner"/> with <see cref="ActorEngine"/>): the serial reference, then actors and TPL at
/// W = 2 in turn, each answer checked against the serial one. The figure is the actors' speedup over the serial
/// loop beside the TPL's, so its ratio is actors ÷ TPL. The goals are issue 10's: 95% of the TPL for the task farms,
/// 85% for word count (a shuffle) and heat (a halo exchange every step); io (waiting, not computing) has none.
/// </summary>
public sealed class WorkloadsScenario(WorkloadRegistry? registry = null) : IBenchScenario
{
    public const int Workers = 2;

    /// <summary>The workloads whose actors-to-TPL ratio has a goal.</summary>
    public static IReadOnlyList<string> WithGoal { get; } = ["pi", "primes", "matmul", "mandelbrot", "synthetic", "wordcount", "heat"];

    public static BenchGoal TplGoal { get; } = BenchGoal.RatioAtLeast(0.95, ">= 0.95x TPL");

    /// <summary>Word count's shuffle and heat's halo exchange move data every step: 85% of the TPL.</summary>
    public static BenchGoal ExchangeGoal { get; } = BenchGoal.RatioAtLeast(0.85, ">= 0.85x TPL");

    public static BenchGoal? GoalOf(string workload) =>
        workload is "wordcount" or "heat" ? ExchangeGoal : WithGoal.Contains(workload) ? TplGoal : null;

    private readonly WorkloadRegistry _registry = registry ?? WorkloadRegistry.Default;

    public string Id => "workloads";

    public IReadOnlyList<BenchFigure> Run(BenchSizes sizes, IProgress<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);
        var runner = new JobRunner(_registry, new ActorEngine(quiesce: sizes.Quiesce), sizes.Quiesce);
        var figures = new List<BenchFigure>();
        foreach (var workload in _registry.All)
        {
            var parameters = BenchWorkloads.Parameters(workload, sizes.Scale);
            var request = new JobRequest(workload.Name, parameters, Workers) { Timeout = TimeSpan.FromMinutes(2) };
            var actors = new List<double>();
            var tpl = new List<double>();
            var serial = 0.0;
            for (var i = 0; i < sizes.WorkloadRepeats; i++)
            {
                var report = runner.RunAsync(request).GetAwaiter().GetResult();
                if (!report.Correct)
                {
                    throw new InvalidOperationException($"bench: {workload.Name}: an answer differs from the serial reference: {report.Check}");
                }

                actors.Add(report.Wall.TotalMilliseconds);
                tpl.Add(report.Tpl!.Value.TotalMilliseconds);
                serial = report.Serial!.Value.TotalMilliseconds;
            }

            var actorsMs = Measure.Median(actors);
            var tplMs = Measure.Median(tpl);
            progress.Report($"  {workload.Name}: serial {Format.Fixed(serial)} ms, TPL {Format.Fixed(tplMs)} ms, actors {Format.Fixed(actorsMs)} ms (W={Workers})");
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"{Describe(parameters)}; serial {Format.Fixed(serial)} ms, TPL {Format.Fixed(tplMs)} ms, actors {Format.Fixed(actorsMs)} ms");
            figures.Add(new BenchFigure(Id, $"{workload.Name}: actors speedup vs serial, W={Workers}", "x", serial / actorsMs, Better.Higher,
                serial / tplMs, $"TPL speedup, W={Workers}", GoalOf(workload.Name), detail));
        }

        return figures;
    }

    private static string Describe(WorkloadParameters p)
    {
        var options = string.Concat(p.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $", {o.Key}={o.Value}"));
        return string.Create(CultureInfo.InvariantCulture, $"size {p.Size}, {p.Tasks} tasks{options}");
    }
}
