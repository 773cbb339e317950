using System.Text.RegularExpressions;
using System.Xml.Linq;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Reports;
using ActorParallel.Simulation.Tests.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Reports;

public sealed class HtmlReportTests
{
    internal static readonly ReportEnvironment Environment =
        new([new("machine", "test-box"), new("cores", "2"), new(".NET", "10.0.0"), new("commit", "abc1234"), new("load before/after", "0.5 / 0.7")]);

    /// <summary>A small sweep with a noisy serial reference (so the report has warnings) and TPL beside the actors.</summary>
    internal static Task<ExperimentResult> Sweep() =>
        new ExperimentRunner(new FakeJobRunner(0.1) { SerialMs = (call, exact) => exact * (call % 2 == 0 ? 1 : 1.3) }, cores: 2)
            .RunAsync(new ExperimentSpec("synthetic", ExperimentKind.Strong, [1, 2, 3], new WorkloadParameters(10_000, 16)) { Repeats = 3 });

    private static int Count(string html, string pattern) => Regex.Matches(html, pattern).Count;

    [Fact]
    public async Task The_report_opens_with_the_environment_then_warnings_fits_charts_points_and_samples()
    {
        var result = await Sweep();
        var html = HtmlReport.Render(result, Environment);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        var sections = Regex.Matches(html, "<section id=\"([a-z]+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(["environment", "warnings", "fits", "charts", "points", "samples"], sections);
        Assert.Contains("<tr><th>commit</th><td>abc1234</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>load before/after</th><td>0.5 / 0.7</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains($"<h2>Warnings ({result.Warnings.Count})</h2>", html, StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Code == SweepWarnings.WorkersExceedCores);
        Assert.Equal(result.Warnings.Count, Count(html, "<li data-code="));
        Assert.Contains("s (against W) = 0.", html, StringComparison.Ordinal);
        Assert.Equal(result.Points.Count, Count(html, "<tr class=\"point"));
        Assert.Contains(string.Join(", ", result.Points[0].SerialMsStats!.Samples.Select(v => v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture))), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_charts_are_inlined_and_the_page_needs_nothing_else()
    {
        var result = await Sweep();
        var html = HtmlReport.Render(result, Environment);

        var svgs = Regex.Matches(html, "<svg .*?</svg>", RegexOptions.Singleline).Select(m => XElement.Parse(m.Value)).ToArray();
        Assert.Equal(3, svgs.Length);
        Assert.All(svgs, svg => Assert.Equal("http://www.w3.org/2000/svg", svg.Name.NamespaceName));
        var expected = SweepCharts.All(result, Environment).Sum(c => c.Element().Descendants().Count(e => (string?)e.Attribute("class") == "point"));
        Assert.Equal(expected, svgs.Sum(svg => svg.Descendants().Count(e => (string?)e.Attribute("class") == "point")));
        // Self-contained: no script, stylesheet, image or frame from elsewhere; links only to the files beside it.
        Assert.DoesNotMatch("<script|<link|<img|<iframe|src=|https?://(?!www\\.w3\\.org/2000/svg)", html);
        Assert.All(Regex.Matches(html, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value), href => Assert.Contains(href, ReportWriter.Files));
    }

    [Fact]
    public async Task Text_from_the_environment_is_escaped()
    {
        var html = HtmlReport.Render(await Sweep(), new ReportEnvironment([new("machine", "<b>box</b> & co")]));
        Assert.Contains("&lt;b&gt;box&lt;/b&gt; &amp; co", html, StringComparison.Ordinal);
    }
}
