using System.Text.Json;
using ActorParallel.Cli.Bench;

namespace ActorParallel.Cli.Tests;

/// <summary>
/// <c>actorparallel bench</c> with tiny sizes, run in-process: every scenario runs and yields sane
/// figures, the JSON parses and names every scenario. No assertion on any timing.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class BenchCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Cli.Run(args);

    [Fact]
    public void Json_has_every_scenario_with_sane_figures_and_exits_zero()
    {
        var (code, stdout, stderr) = Run("bench", "--tiny", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("tiny", root.GetProperty("mode").GetString());
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("machine").GetProperty("cores").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("machine").GetProperty("runtime").GetString()));

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
            if (figure.GetProperty("ratio").ValueKind == JsonValueKind.Number)
            {
                Assert.True(figure.GetProperty("ratio").GetDouble() > 0 || value == 0, name);
            }

            // A figure with a goal says whether it is met; one without says null.
            var hasGoal = figure.GetProperty("goal").ValueKind == JsonValueKind.String;
            Assert.Equal(hasGoal, figure.GetProperty("goalMet").ValueKind is JsonValueKind.True or JsonValueKind.False);
        }

        Assert.Equal(figures.Count(f => f.GetProperty("goal").ValueKind == JsonValueKind.String), root.GetProperty("goals").GetInt32());

        // Progress goes to stderr, so stdout is nothing but the JSON object.
        Assert.Contains("bench: ping-pong", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_shows_each_figure_beside_baseline_reference_and_goal()
    {
        var (code, stdout, stderr) = Run("bench", "--tiny", "--only", "ping-pong,system");
        Assert.True(code == 0, stderr);
        foreach (var column in BenchReportRenderer.Columns)
        {
            Assert.Contains(column, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("ping-pong, 8 pairs", stdout, StringComparison.Ordinal);
        Assert.Contains("Channel<T> ping-pong", stdout, StringComparison.Ordinal);
        Assert.Contains("ActorSystem create + terminate", stdout, StringComparison.Ordinal);
        Assert.Contains(Environment.ProcessorCount + " cores", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("round-robin pool", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_prints_a_table_row_per_figure()
    {
        var (code, stdout, stderr) = Run("bench", "--tiny", "--markdown", "--only", "hocon");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.StartsWith("| Scenario | ActorParallel |", lines[0], StringComparison.Ordinal);
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
        var (code, stdout, stderr) = Run("bench", "--tiny", "--only", "pingpong");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("'pingpong'", stderr, StringComparison.Ordinal);
        Assert.Contains("ping-pong", stderr, StringComparison.Ordinal);
    }
}
