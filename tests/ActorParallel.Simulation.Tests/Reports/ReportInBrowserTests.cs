using System.Text.RegularExpressions;
using ActorParallel.Simulation.Reports;

namespace ActorParallel.Simulation.Tests.Reports;

/// <summary>
/// report.html as a reader sees it: rendered by headless Chromium, which must find the three charts with every
/// point, and paint them. Without Chromium the test fails and says how to install it, rather than passing.
/// </summary>
public sealed class ReportInBrowserTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_headless_browser_renders_the_report_with_its_charts()
    {
        var browser = Chromium.Require();
        var result = await HtmlReportTests.Sweep();
        var dir = Directory.CreateTempSubdirectory("ap-report-html-");
        try
        {
            ReportWriter.Write(result, dir.FullName, HtmlReportTests.Environment);
            var page = Path.Combine(dir.FullName, "report.html");

            // One launch does both: the DOM as parsed goes to standard output, the painted page to a PNG.
            var shot = Path.Combine(dir.FullName, "report.png");
            var dom = await Chromium.RunAsync(browser, page, Bound, "--window-size=1280,3200", "--hide-scrollbars", $"--screenshot={shot}", "--dump-dom");
            var svgs = Regex.Matches(dom, "<svg [^>]*class=\"chart\"[^>]*>.*?</svg>", RegexOptions.Singleline).Select(m => m.Value).ToArray();
            Assert.Equal(3, svgs.Length);
            var expected = SweepCharts.All(result, HtmlReportTests.Environment).Select(c => c.Element().Descendants().Count(e => (string?)e.Attribute("class") == "point"));
            Assert.Equal(expected, svgs.Select(svg => Regex.Matches(svg, "<circle [^>]*class=\"point\"").Count));
            Assert.Contains("<th>commit</th><td>abc1234</td>", dom, StringComparison.Ordinal);

            var png = Png.Decode(await File.ReadAllBytesAsync(shot));
            Assert.Equal((1280, 3200), (png.Width, png.Height));
            Assert.InRange(png.Inked(), 0.02, 0.9);
            // The actors' line and markers and the TPL line are painted in their own colours.
            Assert.True(png.Count("#1f77b4") > 100, $"{png.Count("#1f77b4")} pixels of the actors' colour");
            Assert.True(png.Count("#2ca02c") > 100, $"{png.Count("#2ca02c")} pixels of TPL's colour");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
