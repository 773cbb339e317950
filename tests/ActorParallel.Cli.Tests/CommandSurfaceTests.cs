using System.CommandLine;

namespace ActorParallel.Cli.Tests;

/// <summary>
/// The shape of the command line a user meets: which commands take <c>--json</c> (each has a failure test in
/// <see cref="ErrorPathTests"/>), <c>-o</c> as the output folder, and help that says what a command writes.
/// </summary>
public sealed class CommandSurfaceTests
{
    [Fact]
    public void The_commands_that_take_json_are_the_ones_whose_json_failures_are_tested()
    {
        // ErrorPathTests.Under_json_an_error_is_also_a_json_object_on_stdout has a case for each; add one for a new command.
        var withJson = Commands(Program.BuildRootCommand(), "")
            .Where(c => c.Command.Options.Any(o => o.Name == "--json"))
            .Select(c => c.Path)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["bench", "config render", "list", "run", "soak", "sweep"], withJson);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("sweep")]
    public void Dash_o_is_the_output_folder_and_option_has_no_short_alias(string command)
    {
        var parse = Program.BuildRootCommand().Parse([command, "pi", "-o", "results", "--option", "k=v"]);

        Assert.Empty(parse.Errors);
        Assert.Equal("results", parse.GetValue<string?>("--out"));
        Assert.Equal(["k=v"], parse.GetValue<string[]>("--option") ?? []);
        var option = parse.CommandResult.Command.Options.Single(o => o.Name == "--option");
        Assert.Empty(option.Aliases);
    }

    [Fact]
    public void Run_dash_o_saves_the_run_there()
    {
        using var dir = new TempDirectory("cli-dash-o-");
        var folder = Path.Combine(dir.Path, "run");

        var (code, _, error) = Cli.Run("run", "pi", "--size", "1e5", "--tasks", "4", "--workers", "1", "--no-tpl", "-o", folder);

        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(folder, "run.json")));
        Assert.True(File.Exists(Path.Combine(folder, "run.txt")));
    }

    [Fact]
    public void Sweep_help_says_what_it_writes_under_out()
    {
        var (code, output, _) = Cli.Run("sweep", "--help");

        Assert.Equal(0, code);
        foreach (var file in new[] { "report.html", "results.csv", "results.json", "results.md", "speedup.svg", "efficiency.svg", "time.svg" })
            Assert.Contains(file, output, StringComparison.Ordinal);
        Assert.Contains("-o, --out", output, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Path, Command Command)> Commands(Command command, string path)
    {
        foreach (var sub in command.Subcommands)
        {
            var subPath = path.Length == 0 ? sub.Name : path + " " + sub.Name;
            yield return (subPath, sub);
            foreach (var nested in Commands(sub, subPath))
                yield return nested;
        }
    }
}
