using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Lab;
using ActorParallel.Simulation.Workloads;
using MyLab;

namespace ActorParallel.Simulation.Tests.Readme;

/// <summary>The README's workload example compiles, registers, and passes the lab's check.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_example_workload_runs_through_the_lab()
    {
        var registry = WorkloadRegistry.Default.With(new SumOfSquaresWorkload());
        var lab = new SimulationLab(registry, _ => new JobRunner(registry, new InlineEngine()));
        var report = await lab.RunAsync(new RunOptions("squares") { Size = 1000, Tasks = 7, Workers = 3 });
        Assert.True(report.Correct, report.Check);
        Assert.Equal("332833500", report.Answer); // sum of i^2 for i < 1000 = 999 * 1000 * 1999 / 6
        Assert.Contains("squares", lab.List(), StringComparison.Ordinal);
    }
}
