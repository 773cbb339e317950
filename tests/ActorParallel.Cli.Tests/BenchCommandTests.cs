using System.Text.Json;
using ActorParallel.Cli.Bench;
using ActorParallel.Cli.Bench.Scenarios;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Tests;

/// <summary>
/// <c>actorparallel bench</c> with tiny sizes, run in-process: every scenario runs and yields sane
/// figures, the JSON parses and holds the machine, the farm and every workload. No assertion on any timing.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class BenchCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Cli.Run(args);

    [Fact]
    public void Json_has_the_machine_and_every_scenario_with_sane_figures_and_exits_zero()
    {
        var (code, stdout, stderr) = Run("bench", "--tiny", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("tiny", root.GetProperty("mode").GetString());
        var machine = root.GetProperty("machine");
        Assert.Equal(Environment.ProcessorCount, machine.GetProperty("cores").GetInt32());
        Assert.False(string.IsNullOrEmpty(machine.GetProperty("runtime").GetString()));
        Assert.Equal(ActorParallel.Simulation.Reports.RunEnvironment.ReadAkkaVersion(), machine.GetProperty("akka").GetString());
        Assert.StartsWith("1.5.", machine.GetProperty("akka").GetString(), StringComparison.Ordinal);

        var figures = root.GetProperty("figures").EnumerateArray().ToList();
        var scenarios = figures.Select(f => f.GetProperty("scenario").GetString()).ToHashSet();
        foreach (var scenario in BenchRunner.AllScenarios())
        {
            Assert.Contains(scenario.Id, scenarios);
        }

        foreach (var figure in figures)
        {
            var name = figure.GetProperty("name").GetString();
            var value = figure.GetProperty("value").GetDouble();
            Assert.True(double.IsFinite(value), name);
            Assert.True(figure.GetProperty("better").GetString() == "lower" ? value >= 0 : value > 0, $"{name}: {value}");
            Assert.False(string.IsNullOrEmpty(figure.GetProperty("unit").GetString()), name);
            if (figure.GetProperty("ratio").ValueKind == JsonValueKind.Number)
            {
                Assert.Equal(value / figure.GetProperty("baseline").GetDouble(), figure.GetProperty("ratio").GetDouble(), 9);
            }

            // A figure with a goal says whether it is met; one without says null.
            var hasGoal = figure.GetProperty("goal").ValueKind == JsonValueKind.String;
            Assert.Equal(hasGoal, figure.GetProperty("goalMet").ValueKind is JsonValueKind.True or JsonValueKind.False);
        }

        Assert.Equal(figures.Count(f => f.GetProperty("goal").ValueKind == JsonValueKind.String), root.GetProperty("goals").GetInt32());

        JsonElement Figure(string name) => Assert.Single(figures, f => f.GetProperty("name").GetString() == name);

        // The lab's farm at W = 1 and 2 against the bare Akka.NET farm, with a ratio goal; bytes per task beside Akka's.
        foreach (var w in FarmScenario.WorkerCounts)
        {
            var lab = Figure($"lab farm, empty tasks, W={w}");
            Assert.Equal("tasks/s", lab.GetProperty("unit").GetString());
            Assert.Equal("bare Akka.NET farm", lab.GetProperty("baselineName").GetString());
            Assert.Equal(JsonValueKind.Number, lab.GetProperty("ratio").ValueKind);
            Assert.Equal("ratio", lab.GetProperty("goalOf").GetString());
            Assert.Equal("Parallel.For", Figure($"lab farm vs Parallel.For, W={w}").GetProperty("baselineName").GetString());
            Assert.Equal("Channel<T> farm", Figure($"bare Akka.NET farm vs Channel<T> farm, W={w}").GetProperty("baselineName").GetString());
        }

        var bytes = Figure("bytes allocated per task, lab farm, W=2");
        Assert.Equal("B/task", bytes.GetProperty("unit").GetString());
        Assert.Equal(JsonValueKind.Number, bytes.GetProperty("baseline").ValueKind);

        // Every workload's actors-to-TPL ratio at W = 2; pi and matmul carry the 0.95 goal.
        foreach (var workload in WorkloadRegistry.Default.Names)
        {
            var figure = Figure($"{workload}: actors speedup vs serial, W=2");
            Assert.Equal(JsonValueKind.Number, figure.GetProperty("ratio").ValueKind);
            Assert.Equal("TPL speedup, W=2", figure.GetProperty("baselineName").GetString());
            Assert.Equal(WorkloadsScenario.WithGoal.Contains(workload), figure.GetProperty("goal").ValueKind == JsonValueKind.String);
        }

        Assert.Equal(0.95, Figure("pi: actors speedup vs serial, W=2").GetProperty("goalThreshold").GetDouble());

        // Progress goes to stderr, so stdout is nothing but the JSON object.
        Assert.Contains("bench: farm", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_shows_each_figure_beside_its_baseline_and_goal()
    {
        var (code, stdout, stderr) = Run("bench", "--tiny", "--only", "ping-pong,system");
        Assert.True(code == 0, stderr);
        foreach (var column in BenchReportRenderer.Columns)
        {
            Assert.Contains(column, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("Akka.NET ping-pong, 8 pairs", stdout, StringComparison.Ordinal);
        Assert.Contains("Channel<T> ping-pong", stdout, StringComparison.Ordinal);
        Assert.Contains("ActorSystem create + terminate", stdout, StringComparison.Ordinal);
        Assert.Contains(Environment.ProcessorCount + " cores", stdout, StringComparison.Ordinal);
        Assert.Contains("Akka.NET 1.5.", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("lab farm", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_describes_what_the_bench_measures()
    {
        var (code, stdout, _) = Run("bench", "--help");
        Assert.Equal(0, code);
        Assert.Contains("bare Akka.NET farm", stdout, StringComparison.Ordinal);
        Assert.Contains("--json", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("fan-out", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("spawn", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_prints_a_table_row_per_figure()
    {
        var (code, stdout, stderr) = Run("bench", "--tiny", "--markdown", "--only", "hocon");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.StartsWith("| Figure | Value | In-run baseline |", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("| HOCON parse + resolve", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_and_markdown_files_are_saved_beside_the_table()
    {
        var dir = Directory.CreateTempSubdirectory("bench-tests-");
        try
        {
            var jsonPath = Path.Combine(dir.FullName, "bench.json");
            var markdownPath = Path.Combine(dir.FullName, "bench.md");
            var (code, stdout, stderr) = Run("bench", "--tiny", "--only", "system", "--json-file", jsonPath, "--markdown-file", markdownPath);
            Assert.True(code == 0, stderr);
            Assert.Contains("ActorSystem create + terminate", stdout, StringComparison.Ordinal);
            using var doc = JsonDocument.Parse(File.ReadAllText(jsonPath));
            Assert.Equal("system", doc.RootElement.GetProperty("figures")[0].GetProperty("scenario").GetString());
            Assert.Contains("| ActorSystem create + terminate", File.ReadAllText(markdownPath), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Unknown_scenario_is_an_error_that_lists_the_known_ones()
    {
        var (code, stdout, stderr) = Run("bench", "--tiny", "--only", "pi");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("'pi'", stderr, StringComparison.Ordinal);
        Assert.Contains("farm", stderr, StringComparison.Ordinal);
        Assert.Contains("workloads", stderr, StringComparison.Ordinal);
    }
}
