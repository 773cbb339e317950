using System.Text.Json;
using ActorParallel.Configuration;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Lab;
using ActorParallel.Simulation.Tests.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Lab;

public sealed class SimulationLabTests
{
    private static SimulationLab Inline() => new(WorkloadRegistry.Default, _ => new JobRunner(WorkloadRegistry.Default, new InlineEngine()));

    [Fact]
    public void Run_options_fall_back_to_configuration_and_override_it()
    {
        var settings = SimulationSettings.Load();
        var request = new RunOptions("mandelbrot") { Workers = 3, Size = 64, Mode = "push", Options = ["max-iter=77"], FailEvery = 4 }.Resolve(WorkloadRegistry.Default, settings);
        Assert.Equal(("mandelbrot", 3, DispatchMode.Push, 64L, 350), (request.Workload, request.Workers, request.Mode, request.Parameters.Size, request.Parameters.Tasks));
        Assert.Equal(77, request.Parameters.GetInt("max-iter", 0));
        Assert.Equal(new FaultInjection(4), request.Faults);
        Assert.Equal(settings.TaskRetries, request.TaskRetries);

        var defaults = new RunOptions("pi").Resolve(WorkloadRegistry.Default, settings);
        Assert.Equal((2, DispatchMode.Pull, 40_000_000L, 32), (defaults.Workers, defaults.Mode, defaults.Parameters.Size, defaults.Parameters.Tasks));
    }

    [Theory]
    [InlineData("nope", null, null, "known workloads: heat, io, mandelbrot, matmul, pi, primes, synthetic, wordcount")]
    [InlineData("pi", "sideways", null, "allowed: pull (work pulling), push (static round-robin)")]
    [InlineData("pi", null, "colour=red", "pi: unknown option 'colour'; allowed: none")]
    [InlineData("pi", null, "oops", "must look like key=value")]
    public void Bad_run_options_list_what_is_allowed(string workload, string? mode, string? option, string message)
    {
        var options = new RunOptions(workload) { Mode = mode, Options = option is null ? [] : [option] };
        var e = Assert.Throws<WorkloadParameterException>(() => options.Resolve(WorkloadRegistry.Default, SimulationSettings.Load()));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prefetch_and_timeout_override_the_configuration()
    {
        var request = new RunOptions("io") { Prefetch = 8, Timeout = "1500ms" }.Resolve(WorkloadRegistry.Default, SimulationSettings.Load());
        Assert.Equal((8, TimeSpan.FromMilliseconds(1500)), (request.Prefetch, request.Timeout));
        Assert.Contains("is not a duration", Assert.Throws<WorkloadParameterException>(
            () => new RunOptions("io") { Timeout = "soon" }.Resolve(WorkloadRegistry.Default, SimulationSettings.Load())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_worker_counts_and_kinds_are_explained()
    {
        Assert.Contains("between 1 and 512", Assert.Throws<WorkloadParameterException>(
            () => new RunOptions("pi") { Workers = 0 }.Resolve(WorkloadRegistry.Default, SimulationSettings.Load())).Message, StringComparison.Ordinal);
        Assert.Contains("'x' is not a positive integer", Assert.Throws<WorkloadParameterException>(() => RunOptions.ParseWorkerList("1,x")).Message, StringComparison.Ordinal);
        Assert.Contains("allowed: strong, weak, granularity, push-vs-pull", Assert.Throws<WorkloadParameterException>(() => SweepOptions.ParseKind("deep")).Message, StringComparison.Ordinal);
        Assert.Equal([1, 2, 4], RunOptions.ParseWorkerList(" 1, 2,4 "));
    }

    [Fact]
    public async Task Run_renders_a_table_and_json()
    {
        var report = await Inline().RunAsync(new RunOptions("primes") { Size = 10_000, Tasks = 4, Workers = 2 });
        Assert.True(report.Correct);
        Assert.Equal("1229 primes", report.Answer);

        var table = LabRenderer.Job(report);
        Assert.Contains("check:  OK", table, StringComparison.Ordinal);
        Assert.Contains("serial", table, StringComparison.Ordinal);
        Assert.Contains("TPL", table, StringComparison.Ordinal);
        Assert.Contains("actors", table, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(LabRenderer.Job(report, json: true));
        Assert.True(json.RootElement.GetProperty("correct").GetBoolean());
        Assert.Equal("pull", json.RootElement.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Run_reads_a_config_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "actorparallel.lab { workers = 3, workloads.pi { size = 5000, tasks = 3 } }");
            var report = await Inline().RunAsync(new RunOptions("pi") { ConfigFile = file, SkipTpl = true });
            Assert.Equal((3, 5000L, 3), (report.Workers, report.Parameters.Size, report.Parameters.Tasks));
            Assert.Null(report.Tpl);
            File.WriteAllText(file, "actorparallel.lab { workers = [1] }");
            await Assert.ThrowsAsync<HoconConfigException>(() => Inline().RunAsync(new RunOptions("pi") { ConfigFile = file }));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Run_saves_the_mandelbrot_image()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ap-{Guid.NewGuid():N}.png");
        try
        {
            await Inline().RunAsync(new RunOptions("mandelbrot") { Size = 24, Tasks = 3, Options = ["max-iter=30"], SkipTpl = true, ImageFile = file });
            Assert.Equal(0x89, File.ReadAllBytes(file)[0]);
            await Assert.ThrowsAsync<WorkloadParameterException>(() => Inline().RunAsync(new RunOptions("pi") { ImageFile = file }));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void List_shows_every_workload_with_its_configured_defaults()
    {
        var text = Inline().List();
        foreach (var name in WorkloadRegistry.Default.Names)
            Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains("max-iter=1000", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(Inline().List(json: true));
        Assert.Equal(8, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Sweep_runs_the_experiment_and_writes_the_report_folder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ap-sweep-" + Guid.NewGuid().ToString("N"));
        try
        {
            var lab = new SimulationLab(WorkloadRegistry.Default, _ => new FakeJobRunner(0.1));
            var result = await lab.SweepAsync(new SweepOptions("synthetic", "1,2,4") { Kind = "strong", Repeats = 2, Out = dir });
            Assert.Equal([1, 2, 4], result.Points.Select(p => p.Workers));
            Assert.True(File.Exists(Path.Combine(dir, "speedup.svg")));
            Assert.Contains("| workers |", LabRenderer.Sweep(result), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir))
                Directory.Delete(dir, recursive: true);
        }
    }
}
