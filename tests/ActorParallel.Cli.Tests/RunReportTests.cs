using System.Text.Json;

namespace ActorParallel.Cli.Tests;

/// <summary>
/// What <c>run</c> and <c>sweep</c> print for machines and people: <c>run --json</c> with numbers for every time and
/// answer, the environment and warnings, <c>run --out</c>, and progress on stderr only.
/// </summary>
public sealed class RunReportTests : IDisposable
{
    private readonly TempDirectory _temp = new("cli-run-report-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Run_json_has_every_time_in_milliseconds_and_the_estimate_as_numbers()
    {
        var (code, output, error) = Cli.Run("run", "pi", "--workers", "2", "--size", "200000", "--tasks", "8", "--json");

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schema_version").GetInt32());
        foreach (var time in new[] { "wall_ms", "serial_ms", "tpl_ms" })
            Assert.True(root.GetProperty(time).GetDouble() > 0, time);
        var estimate = root.GetProperty("answer_values").GetProperty("estimate").GetDouble();
        Assert.InRange(estimate, 3.0, 3.3);
        Assert.Equal(200_000, root.GetProperty("answer_values").GetProperty("samples").GetInt64());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("speedup").ValueKind);

        var metrics = root.GetProperty("metrics");
        Assert.Equal(JsonValueKind.Number, metrics.GetProperty("wall_ms").ValueKind);
        foreach (var distribution in new[] { "latency", "duration", "queue_wait" })
        {
            foreach (var percentile in new[] { "p50_ms", "p95_ms", "p99_ms", "max_ms" })
                Assert.Equal(JsonValueKind.Number, metrics.GetProperty(distribution).GetProperty(percentile).ValueKind);
        }

        Assert.All(metrics.GetProperty("per_worker").EnumerateArray(), w => Assert.Equal(JsonValueKind.Number, w.GetProperty("busy_ms").ValueKind));
        AssertNoDurationStrings(root);
    }

    [Fact]
    public void Run_json_opens_with_the_environment()
    {
        var (code, output, error) = Cli.Run("run", "primes", "--workers", "1", "--size", "20000", "--tasks", "4", "--no-tpl", "--json");

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var environment = doc.RootElement.GetProperty("environment");
        Assert.Equal(Environment.ProcessorCount, environment.GetProperty("cores").GetInt32());
        Assert.Contains(".NET", environment.GetProperty("runtime").GetString(), StringComparison.Ordinal);
        Assert.Contains(environment.GetProperty("gc").GetString(), new[] { "server", "workstation" });
        Assert.Equal(System.Runtime.GCSettings.LatencyMode != System.Runtime.GCLatencyMode.Batch, environment.GetProperty("concurrent_gc").GetBoolean());
        Assert.False(string.IsNullOrEmpty(environment.GetProperty("commit").GetString()));
        Assert.True(environment.TryGetProperty("date", out _));
        if (OperatingSystem.IsLinux())
        {
            Assert.Matches(@"^\d+\.\d+ \d+\.\d+ \d+\.\d+$", environment.GetProperty("load_average_before").GetString());
            Assert.Matches(@"^\d+\.\d+ \d+\.\d+ \d+\.\d+$", environment.GetProperty("load_average_after").GetString());
        }

        Assert.Equal(2262, doc.RootElement.GetProperty("answer_values").GetProperty("primes").GetInt32());
    }

    [Fact]
    public void More_workers_than_tasks_or_cores_is_a_warning_on_stderr_and_in_the_json()
    {
        var workers = Environment.ProcessorCount + 1;
        var (code, output, error) = Cli.Run("run", "pi", "--workers", $"{workers}", "--size", "50000", "--tasks", "2", "--no-tpl", "--json");

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var warnings = doc.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();
        Assert.Equal(2, warnings.Length);
        Assert.Contains(warnings, w => w.Contains($"exceed the {Environment.ProcessorCount} processors", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("exceed the 2 tasks", StringComparison.Ordinal));
        Assert.Equal(warnings.Select(w => "warning: " + w), error.Split('\n').Where(l => l.StartsWith("warning:", StringComparison.Ordinal)).Select(l => l.TrimEnd()));
    }

    [Fact]
    public void The_text_report_opens_with_the_environment_line()
    {
        var (code, output, error) = Cli.Run("run", "pi", "--workers", "1", "--size", "50000", "--tasks", "4", "--no-tpl");

        Assert.True(code == 0, error);
        var first = output.Split('\n')[0];
        Assert.StartsWith("environment: ", first, StringComparison.Ordinal);
        Assert.Contains($"{Environment.ProcessorCount} cores", first, StringComparison.Ordinal);
        Assert.Contains("commit ", first, StringComparison.Ordinal);
        Assert.Contains("GC", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_out_saves_the_json_and_the_text_report()
    {
        var dir = Path.Combine(_temp.Path, "nested", "run");

        var (code, output, error) = Cli.Run("run", "pi", "--workers", "2", "--size", "50000", "--tasks", "4", "--no-tpl", "--out", dir);

        Assert.True(code == 0, error);
        Assert.Contains("wrote " + Path.GetFullPath(dir), output, StringComparison.Ordinal);
        using var saved = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "run.json")));
        Assert.True(saved.RootElement.GetProperty("correct").GetBoolean());
        Assert.StartsWith("environment: ", File.ReadAllText(Path.Combine(dir, "run.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_goes_to_stderr_as_timestamped_lines_and_stdout_stays_json()
    {
        var (code, output, error) = Cli.Run("run", "pi", "--workers", "2", "--size", "100000", "--tasks", "4", "--json");

        Assert.True(code == 0, error);
        using var _ = JsonDocument.Parse(output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("warning:", StringComparison.Ordinal)).ToArray();
        Assert.Matches(@"^\[\d\d:\d\d:\d\d\] serial reference: pi", lines[0]);
        Assert.Contains(lines, l => l.Contains("] actors (W = 2, pull)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("] TPL (W = 2)", StringComparison.Ordinal));
        Assert.DoesNotContain("\r", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\x1b", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_progress_counts_runs_k_of_n_with_the_time_left()
    {
        var (code, output, error) = Cli.Run(
            "sweep", "synthetic", "--workers", "1,2", "--size", "20000", "--tasks", "8", "--repeats", "2", "--no-tpl", "--json");

        Assert.True(code == 0, error);
        using var _ = JsonDocument.Parse(output);
        Assert.Contains("sweep synthetic (strong, W = 1,2, 2 repeats): 4 runs", error, StringComparison.Ordinal);
        Assert.Contains("run 1 of 4: serial reference", error, StringComparison.Ordinal);
        Assert.Contains("run 4 of 4 done: W = 2", error, StringComparison.Ordinal);
        Assert.Matches(@"run 1 of 4 done: .*elapsed, about .* left", error);
    }

    private static void AssertNoDurationStrings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.EndsWith("_ms", StringComparison.Ordinal) && property.Value.ValueKind != JsonValueKind.Null)
                        Assert.Equal(JsonValueKind.Number, property.Value.ValueKind);
                    AssertNoDurationStrings(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    AssertNoDurationStrings(item);
                break;
            case JsonValueKind.String:
                Assert.DoesNotMatch(@"^\d\d:\d\d:\d\d\.\d+$", element.GetString()!);
                break;
        }
    }
}
