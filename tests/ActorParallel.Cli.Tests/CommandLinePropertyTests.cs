using System.Text.RegularExpressions;
using FsCheck.Fluent;
using Rnd = FsCheck.Rnd;

namespace ActorParallel.Cli.Tests;

/// <summary>
/// Property tests over the command line (issue 13, item 5): random command lines and random config files, each run
/// in-process and cancelled (as Ctrl+C) after half a second if still working. Whatever the input: a documented exit
/// code, never a stack trace or a .NET type name, and a usage or configuration error is exactly one <c>error:</c> line.
/// Deterministic (fixed seeds) and bounded: each case must end within 30 s.
/// </summary>
[Collection(NodeProcessCollection.Name)]
public sealed partial class CommandLinePropertyTests
{
    private static readonly int[] Documented = [0, 1, 2, 3, 4, 5, 130];

    private static readonly string[] Commands = ["run", "sweep", "list", "config", "render", "cluster", "status", "bench", "help", "--help", "-h", "frobnicate"];

    private static readonly string[] Words =
    [
        "pi", "primes", "heat", "wordcount", "matmul", "io", "mandelbrot", "synthetic", "nope",
        "--workers", "-w", "--size", "-s", "--tasks", "-t", "--mode", "--seed", "--prefetch", "--timeout", "--batch-time", "--option", "-o",
        "--image", "--out", "--config", "-c", "--json", "--no-tpl", "--kind", "--repeats", "--cluster", "--nodes", "--wait", "--fail-every",
        "--only", "--quick", "--bogus",
        "0", "1", "2", "-1", "1e6", "1_000", "1,000", "abc", "5s", "5", "500ms", "2m", "pull", "push", "sideways", "x=1", "max-iter=5", "=",
        "/nonexistent/dir/x.png", "x.jpg", "/proc/forbidden", "127.0.0.1:1", "akka.tcp://nope@127.0.0.1:1", "", " ", "99999999999999999999",
        "strong", "weak", "granularity", "push-vs-pull", "1,2", "1,,2", "ping-pong", "\u00e9", "--", "-",
    ];

    [Fact]
    public void Random_command_lines_end_in_a_documented_code_with_one_error_line_and_no_trace()
    {
        var line = Gen.Elements(Commands).SelectMany(command => Gen.Elements(Words).ListOf().Select(rest => new[] { command }.Concat(rest.Take(6)).ToArray()));
        foreach (var args in Gen.Sample(line, 12, new Rnd(20261205), 200))
            Check(args);
    }

    [Fact]
    public void Random_config_files_end_in_exit_0_or_one_located_error_line()
    {
        string[] fragments =
        [
            "actorparallel", "actorparallel.lab", ".workers", ".wrkers", "lab", "akka.loglevel", "{", "}", "[", "]", "=", ":", " ", "\n",
            "2", "-1", "\"x\"", "${a}", "${?NOPE}", "include \"nope.conf\"", "workloads.pi.size", "batch-time", "= 5ms", "#", ",", "\"", "\\",
        ];
        var text = Gen.Elements(fragments).ListOf().Select(parts => string.Concat(parts.Take(40)));
        using var dir = new TempDirectory("ap-props-");
        var i = 0;
        foreach (var content in Gen.Sample(text, 20, new Rnd(4711), 100))
        {
            var path = Path.Combine(dir.Path, $"c{i++}.conf");
            File.WriteAllText(path, content);
            // `config render` parses and resolves the file; `list --config` also checks the lab's keys in it.
            foreach (var args in new[] { new[] { "config", "render", path }, ["list", "--config", path] })
            {
                var (code, _, err) = Check(args);
                Assert.True(code is 0 or 1, $"{args[0]} of {content} exited {code}: {err}");
                if (code == 1)
                    Assert.Matches(new Regex($@"^error: {Regex.Escape(path)}(:\d+:\d+)?: ", RegexOptions.Multiline), err);
            }
        }
    }

    private static (int Code, string Out, string Err) Check(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var run = Task.Run(() => Program.Run(args, output, error, cancel.Token));
        Assert.True(run.Wait(TimeSpan.FromSeconds(30)), $"`{string.Join(' ', args)}` did not end within 30 s");
        var (code, err) = (run.Result, error.ToString());
        var shown = $"`{string.Join(' ', args)}` exited {code}:\n{err}";
        Assert.Contains(code, Documented);
        Assert.DoesNotMatch(StackFrame(), err);
        Assert.DoesNotContain("System.", err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", err, StringComparison.Ordinal);
        if (code is 1 or 2)
        {
            var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Count(l => l.StartsWith("error: ", StringComparison.Ordinal)) == 1, shown);
        }

        return (code, output.ToString(), err);
    }

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
