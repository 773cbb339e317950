using System.Text.Json;

namespace ActorParallel.Cli.Tests;

/// <summary><c>actorparallel list | run | sweep</c>, run in-process on small sizes with captured output.</summary>
public sealed class LabCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new("lab-cli-tests-");

    private string Dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    private static (int Code, string Out, string Err) Run(params string[] args) => Cli.Run(args);

    [Fact]
    public void List_names_every_workload()
    {
        var (code, output, _) = Run("list");

        Assert.Equal(0, code);
        foreach (var name in new[] { "pi", "primes", "matmul", "wordcount", "mandelbrot", "heat", "io", "synthetic" })
        {
            Assert.Contains(name, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_json_prints_one_object_with_a_correct_answer()
    {
        var (code, output, error) = Run("run", "pi", "--workers", "2", "--size", "200000", "--tasks", "8", "--json");

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        Assert.Equal("pi", doc.RootElement.GetProperty("workload").GetString());
        Assert.True(doc.RootElement.GetProperty("correct").GetBoolean());
    }

    [Fact]
    public void Run_table_reports_serial_actors_and_tpl()
    {
        var (code, output, error) = Run("run", "primes", "-w", "2", "--size", "100000", "--tasks", "4", "--mode", "push");

        Assert.True(code == 0, error);
        Assert.Contains("check:  OK", output, StringComparison.Ordinal);
        Assert.Contains("serial", output, StringComparison.Ordinal);
        Assert.Contains("actors", output, StringComparison.Ordinal);
        Assert.Contains("TPL", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_with_injected_faults_still_gives_the_serial_answer()
    {
        var (code, output, error) = Run("run", "pi", "-w", "2", "--size", "100000", "--tasks", "10", "--fail-every", "3", "--no-tpl");

        Assert.True(code == 0, error);
        Assert.Contains("check:  OK", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown workload 'nope'", "run", "nope")]
    [InlineData("--mode 'sideways' is unknown; allowed: pull", "run", "pi", "--mode", "sideways")]
    [InlineData("--workers must be between 1 and 512", "run", "pi", "--workers", "0")]
    [InlineData("--kind 'diagonal' is unknown; allowed: strong", "sweep", "pi", "--kind", "diagonal")]
    [InlineData("'x' is not a positive integer", "sweep", "pi", "--workers", "1,x")]
    public void Bad_input_says_what_is_allowed_and_exits_2(string expected, params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_config_file_is_a_located_error_with_exit_1()
    {
        var path = Path.Combine(Dir, "bad.conf");
        File.WriteAllText(path, "actorparallel.lab {\n  workers = [\n}\n");

        var (code, _, error) = Run("run", "pi", "--config", path);

        Assert.Equal(1, code);
        Assert.Contains("bad.conf:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actorparallel.lab {\n  wrkers = 4\n}\n", "typo.conf:2:", "did you mean actorparallel.lab.workers?")]
    [InlineData("a = [1, 2\n", "unclosed.conf:", "expected ']'")]
    [InlineData("key = ${?ACTORPARALLEL_TEST_UNSET_VARIABLE}\nself = ${self} [2]\n", "self.conf:2:", "self")]
    public void Bad_config_files_fail_fast_with_exit_1_and_file_line(string text, string where, string message)
    {
        var path = Path.Combine(Dir, where[..where.IndexOf(':', StringComparison.Ordinal)]);
        File.WriteAllText(path, text);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (code, output, error) = Run("run", "pi", "--config", path);

        // Bounded: the configuration is read before any job starts (the bound is loose; the check itself takes milliseconds).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains(where, error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_example_config_runs_with_its_settings()
    {
        var example = Path.Combine(RepositoryRoot(), "hocon", "examples", "local.conf");

        var (code, output, error) = Run("run", "pi", "--config", example, "--size", "100000", "--no-tpl", "--json");

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.True(doc.RootElement.GetProperty("correct").GetBoolean());
        Assert.Equal(2, doc.RootElement.GetProperty("workers").GetInt32());
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ActorParallel.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ActorParallel.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Sweep_writes_csv_json_markdown_and_svg()
    {
        var (code, output, error) = Run(
            "sweep", "synthetic", "--workers", "1,2", "--size", "20000", "--tasks", "8", "--repeats", "1", "--no-tpl", "--out", Dir);

        Assert.True(code == 0, error);
        Assert.Contains("|", output, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Dir, "*.csv"));
        Assert.NotEmpty(Directory.GetFiles(Dir, "*.json"));
        Assert.NotEmpty(Directory.GetFiles(Dir, "*.md"));
        Assert.NotEmpty(Directory.GetFiles(Dir, "*.svg"));
    }
}
