using System.Diagnostics;

namespace ActorParallel.Cli.Tests;

/// <summary>
/// A workload author's path, end to end: scripts/template-check.sh packs the lab into a temporary feed, installs the
/// `dotnet new` template into a temporary hive, creates a project, builds it, runs its tests, and runs its workload
/// locally and on a two-node local cluster, each answer checked against the serial reference. About two minutes on 2
/// cores; bounded at eight (the project's hang timeout is raised to nine for it), the script ended by its id.
/// </summary>
[Collection(TemplateCheckCollection.Name)]
public sealed class TemplateCheckTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task A_project_from_the_template_builds_tests_and_runs_locally_and_on_a_cluster()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var script = Path.Combine(RepositoryRoot(), "scripts", "template-check.sh");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            // The script's own trap ends the node it started when bash gets SIGTERM; the tree kill is the backstop.
            Process.GetProcessById(process.Id).Kill(entireProcessTree: true);
            Assert.Fail($"template-check.sh did not finish within {Limit.TotalMinutes} minutes");
        }

        var text = await output + await error;
        Assert.True(process.ExitCode == 0, text);
        Assert.Contains("template-check: cluster run: correct", text, StringComparison.Ordinal);
        Assert.Contains("template-check: ok", text, StringComparison.Ordinal);
    }

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

/// <summary>Runs apart from the other tests of this project: it builds and starts processes that want both cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TemplateCheckCollection
{
    public const string Name = "template check";
}
