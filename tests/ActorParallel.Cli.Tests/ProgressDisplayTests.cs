using ActorParallel.Cli.Commands;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Tests;

/// <summary>The progress display's two forms: a status line redrawn in place, and timestamped lines.</summary>
public sealed class ProgressDisplayTests
{
    private static readonly JobRequest Request = new("pi", new WorkloadParameters(1000, 8), 2, DispatchMode.Pull);

    [Fact]
    public void The_live_line_erases_itself_before_each_redraw_and_at_the_end()
    {
        using var error = new StringWriter();
        using (var display = new ProgressDisplay(error, live: true))
        {
            display.Report(new JobPhaseStarted(JobPhase.Serial, Request));
            display.Report(new JobPhaseStarted(JobPhase.Actors, Request));
            display.Report(new MetricsSnapshot(TimeSpan.FromSeconds(7.6), 4, 8, 0, 8, 100, 0.5));
            display.Report(new MetricsSnapshot(TimeSpan.FromSeconds(9), 8, 8, 0, 16, 200, 0.9));
            display.Report(new JobPhaseStarted(JobPhase.Tpl, Request));
        }

        var text = error.ToString();
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
        var draws = text.Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(draws, d => Assert.StartsWith("\x1b[2K", d, StringComparison.Ordinal));
        Assert.Contains(draws, d => d.Contains("serial reference", StringComparison.Ordinal));
        Assert.Contains(draws, d => d.Contains("[##########..........] 4/8 tasks (50", StringComparison.Ordinal));
        Assert.Contains(draws, d => d.Contains("TPL (W = 2)", StringComparison.Ordinal));
        Assert.Equal("\x1b[2K", draws[^1]);
    }

    [Fact]
    public void Lines_carry_a_timestamp_and_a_sweep_counts_runs_with_the_time_left()
    {
        using var error = new StringWriter();
        using (var display = new ProgressDisplay(error, live: false))
        {
            display.StartSweep("sweep pi", 2);
            display.Report(new JobPhaseStarted(JobPhase.Serial, Request));
            display.Report(new JobPhaseStarted(JobPhase.Actors, Request));
            display.Report(Report());
            display.Report(new JobPhaseStarted(JobPhase.Actors, Request));
            display.Report(Report());
        }

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, l => Assert.Matches(@"^\[\d\d:\d\d:\d\d\] ", l));
        Assert.Collection(
            lines,
            l => Assert.EndsWith("sweep pi: 2 runs", l, StringComparison.Ordinal),
            l => Assert.Contains("run 1 of 2: serial reference: pi, size 1000, 8 tasks", l, StringComparison.Ordinal),
            l => Assert.Matches(@"run 1 of 2 done: W = 2, size 1000, 8 tasks, 12\.5 ms; .* elapsed, about .* left$", l),
            l => Assert.Contains("run 2 of 2 done", l, StringComparison.Ordinal));
    }

    private static JobReport Report() =>
        new("pi", Request.Parameters, 2, DispatchMode.Pull, TimeSpan.FromMilliseconds(12.5), null, null, true, "ok", "pi");
}
