using System.Text.Json;
using System.Xml.Linq;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Reports;
using ActorParallel.Simulation.Tests.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Reports;

public sealed class ReportWriterTests
{
    private static Task<ExperimentResult> Experiment(ExperimentKind kind) =>
        new ExperimentRunner(new FakeJobRunner(0.1)).RunAsync(
            new ExperimentSpec("synthetic", kind, [1, 2, 4], new WorkloadParameters(10_000, 8).With("distribution", "uniform")) { Repeats = 2 });

    [Theory]
    [InlineData(ExperimentKind.Strong)]
    [InlineData(ExperimentKind.Weak)]
    [InlineData(ExperimentKind.Granularity)]
    [InlineData(ExperimentKind.PushVsPull)]
    public async Task Writes_csv_json_markdown_and_well_formed_svg(ExperimentKind kind)
    {
        var result = await Experiment(kind);
        var dir = Directory.CreateTempSubdirectory("ap-report-");
        try
        {
            var files = ReportWriter.Write(result, dir.FullName);
            Assert.Equal(["results.csv", "results.json", "results.md", "speedup.svg", "efficiency.svg", "time.svg", "report.html"], files.Select(Path.GetFileName));

            var csv = File.ReadAllLines(Path.Combine(dir.FullName, "results.csv"));
            Assert.Equal(string.Join(",", ReportWriter.CsvHeader), csv[0]);
            Assert.Equal(result.Points.Count, csv.Length - 1);
            Assert.All(csv.Skip(1), line => Assert.Equal(ReportWriter.CsvHeader.Count, line.Split(',').Length));

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullName, "results.json")));
            Assert.Equal(result.Points.Count, json.RootElement.GetProperty("points").GetArrayLength());
            Assert.Equal("synthetic", json.RootElement.GetProperty("spec").GetProperty("workload").GetString());

            var md = File.ReadAllText(Path.Combine(dir.FullName, "results.md"));
            Assert.Contains("| workers | mode |", md, StringComparison.Ordinal);
            Assert.Equal(result.Points.Count + 2, md.Split('\n').Count(l => l.StartsWith('|')));

            foreach (var svg in new[] { "speedup.svg", "efficiency.svg", "time.svg" })
            {
                var doc = XDocument.Load(Path.Combine(dir.FullName, svg));
                Assert.Equal("svg", doc.Root!.Name.LocalName);
                Assert.NotEmpty(doc.Descendants(doc.Root.Name.Namespace + "polyline"));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Speedup_chart_has_ideal_measured_tpl_and_fitted_lines()
    {
        var chart = SweepCharts.Speedup(await Experiment(ExperimentKind.Strong));
        Assert.Equal(["ideal (S = W)", "actors (pull) vs own W = 1", "TPL vs own W = 1"], chart.Series.Take(3).Select(s => s.Label));
        Assert.StartsWith("Amdahl s=0.", chart.Series[3].Label, StringComparison.Ordinal);
        Assert.True(chart.Series[3].Dashed);
        var svg = XDocument.Parse(chart.Render());
        Assert.Contains(svg.Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value == "speedup");
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(3.2, 5)]
    [InlineData(4, 5)]
    [InlineData(11, 20)]
    [InlineData(2.2, 2.5)]
    public void Axis_maximum_is_a_nice_number(double max, double nice) => Assert.Equal(nice, SvgChart.Nice(max), 9);
}
