using System.Text.Json;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Reports;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Experiments;

public sealed class SweepWarningsTests
{
    private static readonly ReportEnvironment Environment = new([new("machine", "test-box"), new("cores", "2")]);

    private static Task<ExperimentResult> Sweep(IJobRunner runner, int cores, int tasks, params int[] workers) =>
        new ExperimentRunner(runner, cores).RunAsync(new ExperimentSpec("synthetic", ExperimentKind.Strong, workers, new WorkloadParameters(100_000, tasks)) { Repeats = 3 });

    private static string[] Codes(ExperimentResult result) => [.. result.Warnings.Select(w => w.Code)];

    /// <summary>Each warning's message appears in the Markdown, the JSON and the HTML report.</summary>
    private static void AssertInEveryReport(ExperimentResult result, string code)
    {
        var warning = result.Warnings.First(w => w.Code == code);
        Assert.Contains("- " + warning.Message, ReportWriter.Markdown(result, Environment), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(ReportWriter.Json(result, Environment));
        Assert.Contains(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == code && w.GetProperty("message").GetString() == warning.Message);
        Assert.Contains($"<li data-code=\"{code}\">{System.Net.WebUtility.HtmlEncode(warning.Message)}</li>", HtmlReport.Render(result, Environment), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fit_with_one_point_beyond_W_1_is_replaced_by_a_warning()
    {
        var result = await Sweep(new FakeJobRunner(0.1), cores: 8, tasks: 16, 1, 2);
        Assert.Equal([SweepWarnings.FitUnderdetermined], Codes(result));
        Assert.False(result.Fit!.Determined);
        Assert.Equal(1, result.Fit.InformativePoints);
        AssertInEveryReport(result, SweepWarnings.FitUnderdetermined);
        var md = ReportWriter.Markdown(result, Environment);
        Assert.DoesNotContain("s (against W) =", md, StringComparison.Ordinal);
        Assert.Contains("- s (against W): not given, too few points (see the warnings).", md, StringComparison.Ordinal);
        Assert.DoesNotContain(SweepCharts.Speedup(result).Series, s => s.Label.StartsWith("Amdahl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_points_beyond_W_1_carry_a_fit()
    {
        var result = await Sweep(new FakeJobRunner(0.1), cores: 8, tasks: 16, 1, 2, 3);
        Assert.Empty(result.Warnings);
        Assert.True(result.Fit!.Determined);
        Assert.Contains("- s (against W) = 0.", ReportWriter.Markdown(result, Environment), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fit_worse_than_the_mean_is_named()
    {
        // Speedups that fall as W grows: no serial fraction explains them.
        var runner = new FakeJobRunner(0.1, noise: 0);
        var slower = new SlowerWithWorkers(runner);
        var result = await new ExperimentRunner(slower, cores: 8).RunAsync(new ExperimentSpec("synthetic", ExperimentKind.Strong, [1, 2, 3], new WorkloadParameters(100_000, 16)) { Repeats = 1 });
        var warning = Assert.Single(result.Warnings, w => w.Code == SweepWarnings.FitPoor);
        Assert.StartsWith("the Amdahl fit against W explains the speedups worse than their mean does (R^2 = -", warning.Message, StringComparison.Ordinal);
        AssertInEveryReport(result, SweepWarnings.FitPoor);
    }

    private sealed class SlowerWithWorkers(FakeJobRunner inner) : IJobRunner
    {
        public async Task<JobReport> RunAsync(JobRequest request, CancellationToken cancellationToken = default)
        {
            var report = await inner.RunAsync(request, cancellationToken);
            return report with { Wall = report.Wall * request.Workers * request.Workers };
        }

        public Task<TimeSpan> RunSerialAsync(JobRequest request, CancellationToken cancellationToken = default) => inner.RunSerialAsync(request, cancellationToken);
    }

    [Fact]
    public async Task W_beyond_the_cores_and_the_tasks_is_named()
    {
        var result = await Sweep(new FakeJobRunner(0.1), cores: 2, tasks: 3, 1, 2, 4);
        Assert.Equal([SweepWarnings.WorkersExceedCores, SweepWarnings.WorkersExceedTasks], Codes(result));
        Assert.StartsWith("W = 4 exceeds the 2 cores", result.Warnings[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("W = 4: W = 4 exceeds the 3 tasks, so 1 worker(s) get nothing to do", result.Warnings[1].Message, StringComparison.Ordinal);
        AssertInEveryReport(result, SweepWarnings.WorkersExceedCores);
        AssertInEveryReport(result, SweepWarnings.WorkersExceedTasks);
    }

    [Fact]
    public async Task A_noisy_serial_reference_is_named_with_its_spread()
    {
        // Serial readings 100, 100 x 1.3, 100 x 1.6 (calls 1 to 3; 0 is the warm-up): spread (145 - 115) / 130 = 23%.
        var runner = new FakeJobRunner(0.1, noise: 0) { SerialMs = (call, exact) => exact * (1 + (0.3 * Math.Max(0, call - 1))) };
        var result = await Sweep(runner, cores: 8, tasks: 16, 1, 2, 3);
        var noisy = result.Warnings.Where(w => w.Code == SweepWarnings.Noisy).ToArray();
        Assert.Equal(3, noisy.Length);
        Assert.Equal("W = 1: the spread (Q3 - Q1) / median over 3 runs exceeds 10%: serial reference 23%; read it with care, or measure again with more --repeats on a quieter machine", noisy[0].Message);
        AssertInEveryReport(result, SweepWarnings.Noisy);
    }

    [Fact]
    public async Task Speedup_above_W_at_one_worker_blames_a_noisy_serial_reference()
    {
        var runner = new FakeJobRunner(0.1, noise: 0) { SerialMs = (_, exact) => exact * 1.8 };
        var result = await Sweep(runner, cores: 8, tasks: 16, 1, 2, 3);
        var warning = Assert.Single(result.Warnings, w => w.Code == SweepWarnings.SpeedupAboveWorkers && w.Message.StartsWith("W = 1:", StringComparison.Ordinal));
        Assert.Contains("speedup 1.8 against the serial reference exceeds W = 1 (efficiency 1.8 > 1)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("noisy serial reference", warning.Message, StringComparison.Ordinal);
        AssertInEveryReport(result, SweepWarnings.SpeedupAboveWorkers);
    }
}
