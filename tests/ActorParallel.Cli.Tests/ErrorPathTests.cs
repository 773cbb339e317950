using System.Diagnostics;
using System.Text.Json;
using ActorParallel.Cli.Commands;
using ActorParallel.Simulation.Lab;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Tests;

/// <summary>
/// Every user mistake ends in one <c>error:</c> line naming the option or file, its documented exit code, no stack
/// trace, and (where it can be) before any work starts; under <c>--json</c> stdout gets the error object.
/// </summary>
public sealed class ErrorPathTests : IDisposable
{
    private readonly TempDirectory _temp = new("cli-errors-");

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, int, string[]> BadInputs() => new()
    {
        { "--workers must be between 1 and 512; got 1000", 2, ["run", "pi", "--workers", "1000"] },
        { "--image '/nonexistent/dir/x.png': folder '/nonexistent/dir' does not exist", 2, ["run", "mandelbrot", "--image", "/nonexistent/dir/x.png"] },
        { "supported: .png, .pgm", 2, ["run", "mandelbrot", "--image", "x.jpg"] },
        { "--image works only with mandelbrot", 2, ["run", "pi", "--image", "x.png"] },
        { "--size '1e6x' is not a whole number; write for example", 2, ["run", "pi", "--size", "1e6x"] },
        { "--size '1.5' is not a whole number", 2, ["run", "pi", "--size", "1.5"] },
        { "--workers 'abc' is not a whole number", 2, ["run", "pi", "--workers", "abc"] },
        { "--timeout '5' has no unit; add one, e.g. 5s", 2, ["run", "pi", "--timeout", "5"] },
        { "--timeout 'soon' is not a duration", 2, ["run", "pi", "--timeout", "soon"] },
        { "--batch-time '3' has no unit", 2, ["run", "pi", "--batch-time", "3"] },
        { "'run' needs an argument", 2, ["run"] },
        { "Unrecognized command or argument '--bogus'", 2, ["run", "pi", "--bogus"] },
        { "unknown workload 'nope'", 2, ["run", "nope"] },
        { "'actorparallel' needs a command: config, list, run, sweep", 2, [] },
        { "'actorparallel cluster' needs a command: status", 2, ["cluster"] },
        { "--workers '1,1000': 1000 is more than 512", 2, ["sweep", "pi", "--workers", "1,1000"] },
        { "--repeats 'x' is not a whole number", 2, ["sweep", "pi", "--repeats", "x"] },
        { "--port 'abc' is not a whole number", 2, ["node", "--port", "abc"] },
        { "--workers must be between 1 and 512", 2, ["node", "--workers", "600"] },
        { "--wait '5' has no unit", 2, ["cluster", "status", "--seed", "127.0.0.1:1", "--wait", "5"] },
        { "unknown scenario 'pi' in --only", 2, ["bench", "--tiny", "--only", "pi"] },
        { "--json-file '/nonexistent/dir/b.json': folder '/nonexistent/dir' does not exist", 2, ["bench", "--tiny", "--json-file", "/nonexistent/dir/b.json"] },
        { "Unrecognized command or argument '--bogus'", 2, ["list", "--bogus"] },
        { "/nonexistent/x.conf", 1, ["config", "render", "/nonexistent/x.conf"] },
        { "/nonexistent/x.conf", 1, ["run", "pi", "--config", "/nonexistent/x.conf"] },
        { "/nonexistent/x.conf", 1, ["list", "--config", "/nonexistent/x.conf"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_one_error_line_with_its_exit_code_before_any_work(string expected, int exitCode, string[] args)
    {
        var clock = Stopwatch.StartNew();

        var (code, output, error) = Cli.Run(args);

        Assert.Equal(exitCode, code);
        Assert.Empty(output);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal);

        // Before any work: no phase started (the loose bound only guards against a job having run).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("run", "pi", "--size", "x")]
    [InlineData("run", "pi", "--workers", "abc")]
    [InlineData("sweep", "pi", "--bogus")]
    public void Parse_errors_point_at_the_commands_help_instead_of_printing_it(params string[] args)
    {
        var (code, _, error) = Cli.Run(args);

        Assert.Equal(2, code);
        var line = Assert.Single(Lines(error));
        Assert.EndsWith($"see 'actorparallel {args[0]} --help'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_output_folder_is_checked_before_the_sweep_starts()
    {
        if (!OperatingSystem.IsLinux())
            return;

        var (code, _, error) = Cli.Run("sweep", "pi", "--out", "/proc/forbidden");

        Assert.Equal(2, code);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith("error: --out '/proc/forbidden': cannot write there", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_named_as_the_out_folder_is_refused()
    {
        var file = Path.Combine(_temp.Path, "taken");
        File.WriteAllText(file, "");

        var (code, _, error) = Cli.Run("run", "pi", "--out", file);

        Assert.Equal(2, code);
        Assert.Contains("--out", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "pi", "--workers", "1000", "--json")]
    [InlineData("run", "pi", "--size", "lots", "--json")]
    [InlineData("sweep", "pi", "--kind", "diagonal", "--json")]
    [InlineData("list", "--config", "/nonexistent/x.conf", "--json")]
    [InlineData("config", "render", "/nonexistent/x.conf", "--json")]
    [InlineData("bench", "--tiny", "--only", "pi", "--json")]
    [InlineData("bench", "--tiny", "--json-file", "/nonexistent/dir/b.json", "--json")]
    [InlineData("run", "pi", "--image", "x.jpg", "--json")]
    [InlineData("sweep", "pi", "--out", "/proc/forbidden", "--json")]
    [InlineData("config", "render", "--json")]
    [InlineData("bench", "--json", "--bogus")]
    [InlineData("soak", "--cluster", "127.0.0.1:1", "--jobs", "0", "--json")]
    [InlineData("soak", "--json")]
    public void Under_json_an_error_is_also_a_json_object_on_stdout(params string[] args)
    {
        var (code, output, error) = Cli.Run(args);

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schema_version").GetInt32());
        Assert.Equal(code, root.GetProperty("exit_code").GetInt32());
        Assert.Equal(Assert.Single(Lines(error)), "error: " + root.GetProperty("error").GetString());
    }

    [Fact]
    public void Cancelling_prints_cancelled_and_exits_130()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = Program.Run(["run", "pi", "--size", "100000", "--tasks", "4", "--no-tpl", "--json"], output, error, cancel.Token);

        Assert.Equal(130, code);
        Assert.Contains("cancelled", Lines(error.ToString()));
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(130, json.RootElement.GetProperty("exit_code").GetInt32());
    }

    [Theory]
    [InlineData("5s", 5_000)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData(" 30 s ", 30_000)]
    public void Durations_take_units(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RunOptions.ParseDuration(text));

    [Theory]
    [InlineData("5", "has no unit; add one, e.g. 5s, 5ms or 5m")]
    [InlineData("0", "has no unit")]
    [InlineData("-1s", "must be positive")]
    [InlineData("5 parsecs", "is not a duration")]
    public void A_duration_without_a_unit_or_with_a_wrong_one_is_refused(string text, string message) =>
        Assert.Contains(message, Assert.Throws<WorkloadParameterException>(() => RunOptions.ParseDuration(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void Zero_needs_no_unit_where_zero_is_allowed() =>
        Assert.Equal(TimeSpan.Zero, RunOptions.ParseDuration("0", "--batch-time", allowZero: true));

    [Theory]
    [InlineData("1000000", 1_000_000)]
    [InlineData("1_000_000", 1_000_000)]
    [InlineData("1,000,000", 1_000_000)]
    [InlineData("1e6", 1_000_000)]
    [InlineData("2.5E3", 2_500)]
    [InlineData("-3", -3)]
    public void Sizes_accept_separators_and_exponents(string text, long expected)
    {
        Assert.True(NumberOptions.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e-3")]
    [InlineData("ten")]
    [InlineData("1e30")]
    [InlineData("")]
    public void Sizes_refuse_what_is_not_a_whole_number(string text) => Assert.False(NumberOptions.TryParse(text, out _));

    [Fact]
    public void A_size_in_exponent_notation_reaches_the_job()
    {
        var (code, output, error) = Cli.Run("run", "pi", "--size", "1e5", "--tasks", "4", "--workers", "2", "--no-tpl", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(100_000, json.RootElement.GetProperty("parameters").GetProperty("size").GetInt64());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
