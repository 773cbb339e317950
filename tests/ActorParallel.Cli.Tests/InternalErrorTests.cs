using System.Text.Json;
using System.Text.RegularExpressions;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Tests;

/// <summary>
/// A bug (an exception nobody expected, here a host's workload whose serial reference throws) is one line
/// <c>error: internal error: TYPE: MESSAGE (the full trace is in FILE; please report it)</c> and exit code 70, with
/// the trace in FILE and not on the screen; under <c>--json</c> also the error object on stdout.
/// </summary>
public sealed partial class InternalErrorTests
{
    [Fact]
    public void An_unexpected_exception_is_one_line_naming_the_trace_file_and_exit_code_70()
    {
        var (code, output, error) = Run("run", "buggy", "--workers", "1", "--no-tpl");

        Assert.Equal(70, code);
        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Empty(output);
        var line = Assert.Single(Lines(error), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.DoesNotMatch(StackFrame(), error);
        var trace = TraceFile(line);
        try
        {
            Assert.StartsWith("error: internal error: System.InvalidOperationException: the serial loop has a bug (the full trace is in ", line, StringComparison.Ordinal);
            Assert.EndsWith("; please report it)", line, StringComparison.Ordinal);
            Assert.StartsWith(Path.GetTempPath(), trace, StringComparison.Ordinal);
            var saved = File.ReadAllText(trace);
            Assert.Contains("System.InvalidOperationException: the serial loop has a bug", saved, StringComparison.Ordinal);
            Assert.Matches(StackFrame(), saved);
            Assert.Contains(nameof(BuggyWorkload), saved, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(trace);
        }
    }

    [Fact]
    public void Under_json_an_internal_error_is_also_the_error_object_on_stdout()
    {
        var (code, output, error) = Run("run", "buggy", "--workers", "1", "--no-tpl", "--json");

        Assert.Equal(70, code);
        var line = Assert.Single(Lines(error), l => l.StartsWith("error: ", StringComparison.Ordinal));
        File.Delete(TraceFile(line));
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("schema_version").GetInt32());
        Assert.Equal(70, json.RootElement.GetProperty("exit_code").GetInt32());
        Assert.Equal(line, "error: " + json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void Outside_a_commands_guard_too_an_unexpected_exception_is_one_line_and_exit_code_70()
    {
        // The help action runs outside every command's guard; a writer that breaks makes it throw.
        using var error = new StringWriter();

        var code = Program.Run(["run", "--help"], new BrokenWriter(), error);

        Assert.Equal(70, code);
        var line = Assert.Single(Lines(error.ToString()));
        File.Delete(TraceFile(line));
        Assert.StartsWith("error: internal error: System.InvalidOperationException: the writer broke (the full trace is in ", line, StringComparison.Ordinal);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ActorParallelApp.Run(args, registry => registry.With(new BuggyWorkload()), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string TraceFile(string line)
    {
        var match = TracePath().Match(line);
        Assert.True(match.Success, line);
        return match.Groups["path"].Value;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"the full trace is in (?<path>.+); please report it\)$")]
    private static partial Regex TracePath();

    [GeneratedRegex(@"^\s+at \S", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("the writer broke");

        public override void Write(string? value) => throw new InvalidOperationException("the writer broke");

        public override void Write(char[] buffer, int index, int count) => throw new InvalidOperationException("the writer broke");

        public override void WriteLine(string? value) => throw new InvalidOperationException("the writer broke");
    }

    /// <summary>A workload with a bug: its serial reference throws what no user input explains.</summary>
    private sealed class BuggyWorkload : Workload<long, long, long>
    {
        public override string Name => "buggy";

        public override string Description => "Throws in its serial reference";

        public override long DefaultSize => 100;

        protected override IEnumerable<long> Split(WorkloadParameters p) => [p.Size];

        protected override long Execute(long task) => task;

        protected override long Combine(WorkloadParameters p, IReadOnlyList<long> outputs) => outputs.Sum();

        protected override long Serial(WorkloadParameters p) => throw new InvalidOperationException("the serial loop has a bug");
    }
}
