using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ActorParallel.Cli.Tests;

/// <summary>
/// README's command examples, as a user types them (`actorparallel ...`), each run by scripts/readme-examples.sh
/// against the CLI this build made: every example passes or is listed as skipped with its reason. Bounded at four
/// minutes (about a minute on an idle 2-core machine); the script is ended by its id, and its own trap stops the
/// cluster nodes it started by theirs.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Every_command_example_in_the_readme_runs_as_shown()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var root = RepositoryRoot();
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(root, "scripts", "readme-examples.sh"));
        info.ArgumentList.Add(Path.Combine(root, "README.md"));
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            // SIGTERM first, so that the script's trap stops its nodes; the tree kill is the backstop.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(15)))
                process.Kill(entireProcessTree: true);
            Assert.Fail($"readme-examples.sh did not finish within {Limit.TotalMinutes} minutes:\n{await output}");
        }

        var text = await output + await error;
        var summary = Summary().Match(text);
        Assert.True(summary.Success, text);
        Assert.True(process.ExitCode == 0 && summary.Groups["failed"].Value == "0", text);

        // The examples that must run, not be skipped: the first command, the lab's, the config transcripts, a cluster.
        var passed = text.Split('\n').Where(l => l.StartsWith("pass ", StringComparison.Ordinal)).ToList();
        Assert.True(int.Parse(summary.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 20, text);
        foreach (var example in new[]
                 {
                     "dotnet run --project src/ActorParallel.Cli -c Release -- run pi", "actorparallel run pi --config typo.conf",
                     "actorparallel sweep synthetic", "actorparallel run pi --cluster", "actorparallel cluster status",
                 })
            Assert.Contains(passed, l => l.Contains(example, StringComparison.Ordinal));
        Assert.DoesNotContain(text.Split('\n'), l => l.StartsWith("skip ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("()", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"readme-examples: (?<passed>\d+) passed, (?<failed>\d+) failed, (?<skipped>\d+) skipped")]
    private static partial Regex Summary();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorParallel.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"no ActorParallel.sln above {AppContext.BaseDirectory}");
    }
}
