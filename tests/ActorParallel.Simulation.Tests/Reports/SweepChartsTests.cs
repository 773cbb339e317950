using System.Globalization;
using System.Xml.Linq;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Reports;
using ActorParallel.Simulation.Tests.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Reports;

public sealed class SweepChartsTests
{
    private static readonly ReportEnvironment Environment = new([new("machine", "test-box"), new("cores", "2"), new("commit", "abc1234")]);

    private static Task<ExperimentResult> Sweep(ExperimentKind kind, params int[] workers) =>
        new ExperimentRunner(new FakeJobRunner(0.1), cores: 8).RunAsync(
            new ExperimentSpec("synthetic", kind, workers, new WorkloadParameters(10_000, 16)) { Repeats = 3 });

    private static XElement[] All(XElement svg, string name, string? cssClass = null) =>
        [.. svg.Descendants().Where(e => e.Name.LocalName == name && (cssClass is null || (string?)e.Attribute("class") == cssClass))];

    private static double D(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(new[] { 1, 2 }, new[] { 1.0, 2 })]
    [InlineData(new[] { 1, 2, 3, 4 }, new[] { 1.0, 2, 3, 4 })]
    [InlineData(new[] { 1, 2, 4, 8, 16, 32 }, new[] { 5.0, 10, 15, 20, 25, 30 })]
    public async Task Worker_ticks_are_whole_numbers_within_the_measured_range(int[] workers, double[] ticks)
    {
        var chart = SweepCharts.Speedup(await Sweep(ExperimentKind.Strong, workers), Environment);
        Assert.Equal(ticks, chart.XTicks());
        var labels = All(chart.Element(), "text", "x-tick").Select(t => t.Value).ToArray();
        Assert.Equal(ticks.Select(t => t.ToString(CultureInfo.InvariantCulture)), labels);
    }

    [Fact]
    public async Task No_curve_runs_outside_the_measured_workers()
    {
        var result = await Sweep(ExperimentKind.Strong, 2, 3, 4);
        var chart = SweepCharts.Speedup(result, Environment);
        var amdahl = Assert.Single(chart.Series, s => s.Label.StartsWith("Amdahl", StringComparison.Ordinal));
        Assert.Equal((2.0, 4.0), (amdahl.Points.Min(p => p.X), amdahl.Points.Max(p => p.X)));

        // And the chart itself cuts a model to the measured range: nothing is drawn left of W = 2 or right of W = 4.
        var model = new ChartSeries("model", [.. Enumerable.Range(1, 32).Select(i => (i / 4.0, 1.0))], "#000000", Dashed: true);
        var svg = (chart with { Series = [.. chart.Series, model] }).Element();
        var circles = All(svg, "circle", "point").Select(c => D(c, "cx")).ToArray();
        var drawn = All(svg, "polyline").SelectMany(p => p.Attribute("points")!.Value.Split(' ')).Select(xy => double.Parse(xy.Split(',')[0], CultureInfo.InvariantCulture));
        Assert.All(drawn, x => Assert.InRange(x, circles.Min() - 0.01, circles.Max() + 0.01));
    }

    [Fact]
    public async Task The_legend_names_each_lines_baseline()
    {
        var strong = SweepCharts.Speedup(await Sweep(ExperimentKind.Strong, 1, 2, 4), Environment);
        Assert.Equal(["ideal (S = W)", "actors (pull) vs own W = 1", "TPL vs own W = 1"], strong.Series.Take(3).Select(s => s.Label));

        var withoutOne = SweepCharts.Speedup(await Sweep(ExperimentKind.Strong, 2, 4), Environment);
        Assert.Equal(["actors (pull) vs serial ref.", "TPL vs serial ref."], withoutOne.Series.Skip(1).Take(2).Select(s => s.Label));

        var pushPull = SweepCharts.Speedup(await Sweep(ExperimentKind.PushVsPull, 1, 2), Environment);
        Assert.Equal(["actors (pull) vs own W = 1", "actors (push) vs own W = 1"], pushPull.Series.Skip(1).Take(2).Select(s => s.Label));

        var legend = All(strong.Element(), "text", "legend").Select(t => t.Value);
        Assert.Contains("TPL vs own W = 1", legend);
    }

    [Fact]
    public async Task Task_counts_go_on_a_log_axis_with_power_of_two_ticks()
    {
        var result = await Sweep(ExperimentKind.Granularity, 2);
        foreach (var chart in SweepCharts.All(result, Environment))
        {
            Assert.Equal(AxisScale.Log2, chart.XScale);
            Assert.StartsWith("tasks (log scale)", chart.XLabel, StringComparison.Ordinal);
            Assert.Equal([2.0, 4, 8, 16, 32, 64, 128], chart.XTicks());
            // Doubling task counts sit at equal distances, each at its own x.
            var xs = All(chart.Element(), "circle", "point").Where(c => c.Attribute("data-series")!.Value.StartsWith("actors", StringComparison.Ordinal)).Select(c => D(c, "cx")).ToArray();
            Assert.Equal(7, xs.Length);
            var gaps = xs.Zip(xs.Skip(1), (a, b) => Math.Round(b - a, 1)).Distinct();
            Assert.Single(gaps);
        }

        Assert.Equal(["ideal (S = W = 2)", "actors (pull) vs serial ref.", "TPL vs serial ref."], SweepCharts.Speedup(result).Series.Select(s => s.Label));
    }

    [Fact]
    public async Task Every_point_has_an_error_bar_and_no_marker_sits_on_the_frame()
    {
        var result = await Sweep(ExperimentKind.PushVsPull, 1, 2);
        foreach (var chart in SweepCharts.All(result, Environment))
        {
            var svg = chart.Element();
            var points = All(svg, "circle", "point");
            Assert.Equal(points.Length, All(svg, "path", "error-bar").Length);
            var axis = All(svg, "line").First();
            Assert.All(points, p => Assert.True(D(p, "cx") > D(axis, "x1") + 10 && D(p, "cx") < D(axis, "x2") - 10, $"{chart.Title}: marker at x = {D(p, "cx")}"));
        }
    }

    [Fact]
    public async Task The_environment_is_under_the_title()
    {
        var svg = SweepCharts.Speedup(await Sweep(ExperimentKind.Strong, 1, 2, 4), Environment).Element();
        var texts = All(svg, "text").Select(t => t.Value).ToArray();
        Assert.Equal("synthetic: speedup (strong scaling)", texts[0]);
        Assert.Contains("machine test-box, cores 2, commit abc1234", texts[3..5]);
    }
}
