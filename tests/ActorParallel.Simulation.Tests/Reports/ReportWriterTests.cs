using System.Globalization;
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

    [Fact]
    public async Task Csv_keeps_every_sample_beside_the_median_quartiles_min_and_max()
    {
        var result = await new ExperimentRunner(new FakeJobRunner(0.1)).RunAsync(
            new ExperimentSpec("synthetic", ExperimentKind.Strong, [1, 2], new WorkloadParameters(10_000, 8)) { Repeats = 4 });
        var csv = ReportWriter.Csv(result).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToArray();
        string Cell(int row, string column) => csv[row][Array.IndexOf(csv[0], column)];

        var wall = result.Points[1].WallMsStats!;
        var samples = Cell(2, "wall_ms_samples").Split(';').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(wall.Samples.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)), Cell(2, "wall_ms_samples").Split(';'));
        Assert.Equal(4, samples.Length);
        Assert.Equal(wall.Median.ToString("0.##", CultureInfo.InvariantCulture), Cell(2, "wall_ms"));
        Assert.Equal(wall.Q1.ToString("0.##", CultureInfo.InvariantCulture), Cell(2, "wall_ms_q1"));
        Assert.Equal(wall.Q3.ToString("0.##", CultureInfo.InvariantCulture), Cell(2, "wall_ms_q3"));
        Assert.Equal(wall.Min.ToString("0.##", CultureInfo.InvariantCulture), Cell(2, "wall_ms_min"));
        Assert.Equal(wall.Max.ToString("0.##", CultureInfo.InvariantCulture), Cell(2, "wall_ms_max"));
        Assert.Equal(4, Cell(1, "serial_ms_samples").Split(';').Length);
        Assert.Equal(4, Cell(1, "tpl_ms_samples").Split(';').Length);
    }

    [Fact]
    public async Task Json_opens_with_its_version_and_the_environment_and_keeps_samples_and_warnings()
    {
        var result = await Experiment(ExperimentKind.Strong);
        var environment = new ReportEnvironment([new("machine", "box")]);
        using var json = JsonDocument.Parse(ReportWriter.Json(result, environment));
        var root = json.RootElement;
        Assert.Equal(["schemaVersion", "environment"], root.EnumerateObject().Take(2).Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("box", root.GetProperty("environment").GetProperty("machine").GetString());
        var wall = root.GetProperty("points")[0].GetProperty("wallMsStats");
        Assert.Equal(2, wall.GetProperty("samples").GetArrayLength());
        foreach (var name in new[] { "median", "min", "max", "q1", "q3", "spread" })
            Assert.Equal(JsonValueKind.Number, wall.GetProperty(name).ValueKind);
        Assert.Equal(2, root.GetProperty("points")[0].GetProperty("serialMsStats").GetProperty("samples").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);

        // The CLI's own description of the environment, when given, is written as it is.
        using var custom = JsonDocument.Parse(ReportWriter.Json(result, environment with { Json = new { Cores = 2, Commit = "abc" } }));
        Assert.Equal("abc", custom.RootElement.GetProperty("environment").GetProperty("commit").GetString());
    }

    [Fact]
    public async Task The_run_environment_of_the_cli_opens_every_report_and_is_the_json_environment()
    {
        var run = RunEnvironment.Capture().WithLoadAfter() with { Commit = "abc123def456", LoadBefore = "0.10 0.20 0.30" };
        var result = await Experiment(ExperimentKind.Strong) with { Environment = ReportEnvironment.From(run) };

        Assert.Contains("commit abc123def456", ReportWriter.Markdown(result).Split('\n')[2], StringComparison.Ordinal);
        Assert.Contains("load before 0.10 0.20 0.30", ReportWriter.Markdown(result).Split('\n')[2], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(ReportWriter.Json(result));
        Assert.Equal("abc123def456", json.RootElement.GetProperty("environment").GetProperty("commit").GetString());
        Assert.Equal(run.Cores, json.RootElement.GetProperty("environment").GetProperty("cores").GetInt32());
        Assert.Contains("<tr><th>commit</th><td>abc123def456</td></tr>", HtmlReport.Render(result, result.Environment!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_opens_with_the_environment()
    {
        var md = ReportWriter.Markdown(await Experiment(ExperimentKind.Strong), new ReportEnvironment([new("machine", "box"), new("cores", "2")]));
        Assert.Equal(["## synthetic: strong scaling", "", "Environment: machine box, cores 2"], md.Split('\n').Take(3));
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(3.2, 5)]
    [InlineData(4, 5)]
    [InlineData(11, 20)]
    [InlineData(2.2, 2.5)]
    public void Axis_maximum_is_a_nice_number(double max, double nice) => Assert.Equal(nice, SvgChart.Nice(max), 9);
}
