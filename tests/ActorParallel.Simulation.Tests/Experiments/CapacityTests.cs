using System.Text.Json;
using System.Xml.Linq;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Reports;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Experiments;

/// <summary>The capacity-normalised fit: W_eff = W x B(1) / B(W) separates the workload's serial fraction from work inflation.</summary>
public sealed class CapacityTests
{
    private static ExperimentSpec Strong(params int[] workers) =>
        new("synthetic", ExperimentKind.Strong, workers, new WorkloadParameters(400_000, 64)) { Repeats = 5 };

    private static double[] Rounded(params double[] values) => [.. values.Select(v => Math.Round(v, 9))];

    [Theory]
    [InlineData(0.0, 1, 2)]
    [InlineData(0.05, 1, 2)]
    [InlineData(0.1, 1, 2)]
    [InlineData(0.2, 1, 2)]
    [InlineData(0.3, 1, 2)]
    [InlineData(0.05, 1, 2, 3, 4)]
    [InlineData(0.2, 1, 2, 3, 4)]
    public async Task Fit_against_measured_capacity_recovers_s_within_002_where_the_fit_against_W_does_not(double s, params int[] workers)
    {
        var result = await new ExperimentRunner(new InflatingJobRunner(s)).RunAsync(Strong(workers));

        Assert.Equal(FitAxis.Workers, result.Fit!.Axis);
        Assert.Equal(FitAxis.Capacity, result.CapacityFit!.Axis);
        Assert.Equal(ScalingLaw.Amdahl, result.CapacityFit.Law);
        Assert.InRange(result.CapacityFit.SerialFraction, s - 0.02, s + 0.02);
        Assert.True(result.Fit.SerialFraction > s + 0.02, $"the fit against W should absorb the inflation; got s = {result.Fit.SerialFraction}");
    }

    [Fact]
    public async Task Each_round_is_fitted_on_its_own_and_a_disturbed_round_is_outvoted()
    {
        // Calls: warm-up, then rounds (W = 1, W = 2); the W = 2 run of the third round stalls for 40% of its wall time.
        var runner = new InflatingJobRunner(0.1, drift: 0) { Stall = call => call == 7 ? 100 : 0 };
        var result = await new ExperimentRunner(runner).RunAsync(Strong(1, 2));

        Assert.Equal(5, result.CapacityFit!.Rounds);
        Assert.Equal(5, result.Fit!.Rounds);
        Assert.Equal(0.1, result.CapacityFit.SerialFraction, 9);
    }

    [Fact]
    public async Task A_sweep_that_got_no_parallel_capacity_says_so()
    {
        var starved = await new ExperimentRunner(new InflatingJobRunner(0.05, inflation: 0.9, drift: 0)).RunAsync(Strong(1, 2) with { Repeats = 1 });
        Assert.Contains("never delivered more than W_eff = 1.05 processors", ReportWriter.Markdown(starved), StringComparison.Ordinal);
        var healthy = await new ExperimentRunner(new InflatingJobRunner(0.05)).RunAsync(Strong(1, 2) with { Repeats = 1 });
        Assert.DoesNotContain("never delivered", ReportWriter.Markdown(healthy), StringComparison.Ordinal);
    }

    [Fact]
    public async Task W_eff_is_W_times_the_one_worker_busy_time_over_the_busy_time_at_W()
    {
        var runner = new InflatingJobRunner(0.1, inflation: 0.25, drift: 0);
        var result = await new ExperimentRunner(runner).RunAsync(Strong(1, 2, 4) with { Repeats = 1 });

        Assert.Equal(Rounded(1.0, 2 / 1.25, 4 / (1.25 * 2)), result.Points.Select(p => Math.Round(p.WEff!.Value, 9)));
        Assert.Equal(400 * 0.9, result.Points[0].BusyMs!.Value, 9);
        Assert.Equal(400 * 0.9 * 1.25, result.Points[1].BusyMs!.Value, 9);
        // Idle = W x wall - busy: every worker waits out the serial part (40 ms).
        Assert.Equal([40.0, 80, 160], result.Points.Select(p => Math.Round(p.IdleMs!.Value, 9)));
        // Without drift the capacity fit is exact, and so is its prediction at each point's W_eff.
        Assert.Equal(0.1, result.CapacityFit!.SerialFraction, 9);
        Assert.All(result.Points, p => Assert.Equal(p.SpeedupVsOneWorker!.Value, result.CapacityFit.Predict(p.WEff!.Value), 9));
    }

    [Fact]
    public void Capacity_needs_both_busy_times()
    {
        Assert.Equal(2 * 100 / 220.0, ExperimentRunner.Capacity(2, 100, 220, 1)!.Value, 12);
        Assert.Equal(4 * 100 / (880 / 4.0), ExperimentRunner.Capacity(4, 100, 880, 4)!.Value, 12);
        Assert.Null(ExperimentRunner.Capacity(2, null, 220, 1));
        Assert.Null(ExperimentRunner.Capacity(2, 100, null, 1));
        Assert.Null(ExperimentRunner.Capacity(2, 0, 220, 1));
    }

    [Fact]
    public async Task Without_busy_time_W_eff_is_not_reported_and_there_is_no_capacity_fit()
    {
        var result = await new ExperimentRunner(new FakeJobRunner(0.1)).RunAsync(Strong(1, 2) with { Repeats = 1 });
        Assert.All(result.Points, p => Assert.Null(p.WEff));
        Assert.NotNull(result.Fit);
        Assert.Null(result.CapacityFit);
        Assert.Contains("s (against measured capacity W_eff): not available", ReportWriter.Markdown(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weak_scaling_normalises_busy_time_per_unit_of_work()
    {
        var runner = new InflatingJobRunner(0.1, inflation: 0.2, drift: 0);
        var spec = new ExperimentSpec("pi", ExperimentKind.Weak, [1, 2, 4], new WorkloadParameters(100_000, 8)) { Repeats = 1, WarmUp = false };
        var result = await new ExperimentRunner(runner).RunAsync(spec);

        // B(4) is about 4 x 2.4 times B(1) (four times the work, each worker 2.4 times slower); per unit of work, W_eff = 4 / 2.4.
        Assert.Equal(4 * 1.2 * 2, result.Points[2].BusyMs!.Value / result.Points[0].BusyMs!.Value, 9);
        Assert.Equal(Rounded(1.0, 2 / 1.2, 4 / 2.4), result.Points.Select(p => Math.Round(p.WEff!.Value, 9)));
        Assert.Equal(ScalingLaw.Gustafson, result.CapacityFit!.Law);
        Assert.Equal(FitAxis.Capacity, result.CapacityFit.Axis);
        Assert.True(result.CapacityFit.SerialFraction < result.Fit!.SerialFraction);
    }

    [Fact]
    public void Weak_scaling_work_ratio_follows_the_size_exponent()
    {
        Assert.Equal(8, ExperimentSpec.WorkRatio("matmul", 100, 200), 9);
        Assert.Equal(4, ExperimentSpec.WorkRatio("heat", 100, 200), 9);
        Assert.Equal(2, ExperimentSpec.WorkRatio("pi", 100, 200), 9);
    }

    [Fact]
    public async Task Repeats_are_interleaved_across_points()
    {
        var runner = new InflatingJobRunner(0.1);
        await new ExperimentRunner(runner).RunAsync(Strong(1, 2, 4) with { Repeats = 3 });
        Assert.Equal([1, 1, 2, 4, 1, 2, 4, 1, 2, 4], runner.Requests.Select(r => r.Workers)); // warm-up first
    }

    [Fact]
    public async Task Reports_carry_w_eff_busy_time_and_both_fits()
    {
        var result = await new ExperimentRunner(new InflatingJobRunner(0.05)).RunAsync(Strong(1, 2, 4));

        var csv = ReportWriter.Csv(result).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        var wEff = Array.IndexOf(header, "w_eff");
        var busy = Array.IndexOf(header, "busy_ms");
        var idle = Array.IndexOf(header, "idle_ms");
        Assert.True(wEff >= 0 && busy >= 0 && idle >= 0, csv[0]);
        Assert.Equal("1", csv[1].Split(',')[wEff]);
        Assert.All(csv.Skip(1), line => Assert.NotEqual("", line.Split(',')[busy]));
        Assert.All(csv.Skip(1), line => Assert.NotEqual("", line.Split(',')[idle]));
        Assert.InRange(double.Parse(csv[2].Split(',')[wEff], System.Globalization.CultureInfo.InvariantCulture), 1.7, 1.9);

        using var json = JsonDocument.Parse(ReportWriter.Json(result));
        Assert.Equal("workers", json.RootElement.GetProperty("fit").GetProperty("axis").GetString());
        Assert.Equal("capacity", json.RootElement.GetProperty("capacityFit").GetProperty("axis").GetString());
        Assert.True(json.RootElement.GetProperty("points")[1].GetProperty("wEff").GetDouble() > 1);

        var md = ReportWriter.Markdown(result);
        Assert.Contains("| w_eff |", md, StringComparison.Ordinal);
        Assert.Contains("- s (against W) = 0.", md, StringComparison.Ordinal);
        Assert.Contains("- s (against measured capacity W_eff) = 0.0", md, StringComparison.Ordinal);

        var speedup = SweepCharts.Speedup(result);
        Assert.Equal(["ideal (S = W)", "actors (pull) vs own W = 1", "TPL vs own W = 1"], speedup.Series.Take(3).Select(s => s.Label));
        Assert.EndsWith("(against W)", speedup.Series[3].Label, StringComparison.Ordinal);
        Assert.EndsWith("(at W_eff)", speedup.Series[4].Label, StringComparison.Ordinal);
        Assert.True(speedup.Series[4].Dashed);
        Assert.Equal("capacity W_eff", speedup.Series[5].Label);
        Assert.Equal(result.Points.Select(p => (double)p.Workers), speedup.Series[4].Points.Select(p => p.X));
        var efficiency = SweepCharts.Efficiency(result);
        Assert.Contains(efficiency.Series, s => s.Label.EndsWith("(at W_eff)", StringComparison.Ordinal));
        foreach (var chart in new[] { speedup, efficiency })
        {
            var svg = XDocument.Parse(chart.Render());
            var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").ToArray();
            Assert.Contains(texts, t => t.Value.Contains("W_eff", StringComparison.Ordinal));
            // The legend grows the chart so its longest label (about 7 px a character) still fits.
            var width = double.Parse(svg.Root!.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.All(texts.Where(t => (string?)t.Attribute("text-anchor") == "start"),
                t => Assert.True(double.Parse(t.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture) + (6.5 * t.Value.Length) <= width, t.Value));
        }
    }
}
