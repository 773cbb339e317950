using System.Text.RegularExpressions;

namespace ActorParallel.Cli.Tests;

/// <summary>
/// The chaos experiment in short, as CI runs it: scripts/chaos.sh for 45 s (a seed and three worker nodes on 127.0.0.1,
/// jobs of every workload back to back while a seeded schedule SIGKILLs and SIGSTOPs worker nodes and makes workers
/// throw). No answer may be wrong; jobs may fail (a word count whose reducers' node was killed fails by design), and
/// faults must really have been injected: with seed 7 the first job already freezes a node and makes workers throw. The script runs in its own process group, which the test kills by its id if
/// it overruns its bound; the script itself ends every node it started.
/// </summary>
[Collection(ScriptCollection.Name)]
public sealed partial class ChaosTests
{
    /// <summary>45 s of jobs, the last one finishing (its own timeout is 60 s), the nodes stopping: well inside this.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task A_short_chaos_run_injects_faults_and_gets_no_answer_wrong()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var dir = new TempDirectory("ap-chaos-");
        var (code, output, error) = await Scripts.RunAsync(
            "chaos.sh", Limit, ["--duration", "45", "--seed", "7", "--base", Scripts.FreePortRange(4).ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", dir.Path]);

        var text = output + error;
        var summary = SummaryLine().Match(text);
        Assert.True(summary.Success, "chaos.sh printed no summary: " + text);
        var answers = AnswersLine().Match(text);
        Assert.True(answers.Success, "chaos.sh printed no answers line: " + text);
        int Number(Match m, string group) => int.Parse(m.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(0, Number(answers, "wrong"));
        Assert.True(code == 0, $"chaos.sh exited {code}: {text}");
        // On an idle 2-core machine 45 s hold about five jobs; on a loaded one a single job (its serial reference is
        // timed twice first) can take half a minute, so one right answer is the floor.
        Assert.True(Number(summary, "jobs") >= 1 && Number(answers, "right") >= 1, "no job's answer was right: " + text);
        Assert.True(Number(summary, "kills") + Number(summary, "freezes") + Number(summary, "throws") >= 1, "no fault was injected: " + text);
    }

    [GeneratedRegex(@"chaos: (?<jobs>\d+) jobs, faults injected: (?<kills>\d+) SIGKILL, (?<freezes>\d+) SIGSTOP, (?<throws>\d+) jobs with throwing workers")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"answers right (?<right>\d+), wrong (?<wrong>\d+), jobs failed (?<failed>\d+)")]
    private static partial Regex AnswersLine();
}

/// <summary>The script tests (chaos, soak) run one at a time and apart from every other test: each wants both cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScriptCollection
{
    public const string Name = "cluster scripts";
}
