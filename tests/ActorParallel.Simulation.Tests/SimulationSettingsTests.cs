using ActorParallel.Configuration;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests;

/// <summary>Pins every default of hocon/reference/lab.conf (STYLE habit 6).</summary>
public sealed class SimulationSettingsTests
{
    [Fact]
    public void Reference_defaults()
    {
        var s = SimulationSettings.Load();
        Assert.Equal(2, s.Workers);
        Assert.Equal(DispatchMode.Pull, s.Mode);
        Assert.Equal(1, s.Prefetch);
        Assert.Equal(3, s.TaskRetries);
        Assert.Equal(TimeSpan.FromMinutes(5), s.JobTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), s.ProgressInterval);
        Assert.Equal(5, s.Repeats);
        Assert.Equal(42, s.Seed);
        Assert.Equal(["heat", "io", "mandelbrot", "matmul", "pi", "primes", "synthetic", "wordcount"], s.Workloads.Keys);
        Assert.Equal("1000", s.Workloads["mandelbrot"].Options["max-iter"]);
        Assert.Equal("0.05", s.Workloads["synthetic"].Options["serial-fraction"]);
        Assert.Equal("constant", s.Workloads["synthetic"].Options["distribution"]);
    }

    [Fact]
    public void Reference_workload_defaults_agree_with_the_workloads_and_validate()
    {
        var s = SimulationSettings.Load();
        foreach (var workload in WorkloadRegistry.Default.All)
        {
            var p = s.ParametersFor(workload);
            Assert.Equal(workload.DefaultSize, p.Size);
            Assert.Equal(workload.DefaultTasks, p.Tasks);
            workload.Validate(p);
            foreach (var option in workload.Options.Where(o => o.Default.Length > 0))
                Assert.Equal(option.Default, p.Options[option.Name]);
        }
    }

    [Fact]
    public void User_config_overrides_and_falls_back_to_the_reference()
    {
        var s = SimulationSettings.Load(HoconConfigFactory.ParseString("""
            actorparallel.lab { workers = 4, mode = push, workloads.pi.size = 1000, workloads.heat { size = 5, tasks = 2 } }
            """));
        Assert.Equal(4, s.Workers);
        Assert.Equal(DispatchMode.Push, s.Mode);
        Assert.Equal(1000, s.Workloads["pi"].Size);
        Assert.Equal(32, s.Workloads["pi"].Tasks);
        Assert.Equal(5, s.Workloads["heat"].Size);
        Assert.Equal("150", s.Workloads["heat"].Options["steps"]);
        Assert.Equal(3, s.TaskRetries);
    }

    [Theory]
    [InlineData("workers = 0", "workers = 0 is too small. Fix: set it to at least 1")]
    [InlineData("mode = random", "mode 'random' is unknown. Fix: use pull (work pulling) or push")]
    [InlineData("job-timeout = 0s", "job-timeout must be a positive duration")]
    [InlineData("workloads.pi.tasks = 0", "workloads.pi.tasks = 0 is too small")]
    public void Bad_values_say_where_and_how_to_fix(string hocon, string message)
    {
        var e = Assert.Throws<HoconConfigException>(() => SimulationSettings.Load(HoconConfigFactory.ParseString($"actorparallel.lab {{ {hocon} }}")));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
