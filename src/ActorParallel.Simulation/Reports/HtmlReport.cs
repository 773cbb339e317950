using System.Globalization;
using System.Net;
using System.Text;
using ActorParallel.Simulation.Experiments;

namespace ActorParallel.Simulation.Reports;

/// <summary>
/// <c>report.html</c>: the whole sweep on one self-contained page (no script, no file or network it needs):
/// the environment, the warnings, the fits, the charts inlined as SVG, the points with their spread, and the
/// raw samples. In the spirit of Dask's <c>performance_report</c>: one file to keep or send beside the data.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body { font-family: sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
        h1 { margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 1.6em; }
        table { border-collapse: collapse; font-size: 0.9em; } th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: right; }
        th { background: #f4f4f4; } td.text, th.text { text-align: left; }
        .environment td, .environment th { text-align: left; }
        .warnings li { background: #fff4e5; border-left: 4px solid #ff9800; margin: 0.3em 0; padding: 0.4em 0.6em; list-style: none; }
        .noisy { background: #fff4e5; } .fail { background: #fdecea; }
        figure { display: inline-block; margin: 0.5em; } svg.chart { max-width: 100%; height: auto; }
        .note { color: #555; }
        """;

    public static string Render(ExperimentResult result, ReportEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(environment);
        var spec = result.Spec;
        var title = $"{spec.Workload}: {SweepCharts.KindName(spec.Kind)}";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(E(title)).Append(" - ActorParallel sweep</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n<p class=\"note\">").Append(E(ReportWriter.Summary(result))).Append("</p>\n");

        html.Append("<section id=\"environment\">\n<h2>Environment</h2>\n<table class=\"environment\">\n");
        foreach (var fact in environment.Facts)
            html.Append("<tr><th>").Append(E(fact.Name)).Append("</th><td>").Append(E(fact.Value)).Append("</td></tr>\n");
        html.Append("</table>\n</section>\n");

        html.Append("<section id=\"warnings\">\n<h2>Warnings (").Append(result.Warnings.Count).Append(")</h2>\n");
        if (result.Warnings.Count == 0)
            html.Append("<p>None: every fit has enough points, W stays within the cores and the tasks, every point's spread is within ")
                .Append(Inv($"{SampleStats.SpreadLimit * 100:0}%")).Append(", and no speedup exceeds W.</p>\n");
        else
            html.Append("<ul class=\"warnings\">\n").Append(string.Concat(result.Warnings.Select(w => $"<li data-code=\"{E(w.Code)}\">{E(w.Message)}</li>\n"))).Append("</ul>\n");
        html.Append("</section>\n");

        if (result.Fit is { } fit)
        {
            html.Append("<section id=\"fits\">\n<h2>Serial fraction</h2>\n");
            var lines = ReportWriter.FitLines(fit, result.CapacityFit).Where(l => l.Length > 0).ToArray();
            html.Append("<p>").Append(E(lines[0])).Append("</p>\n<ul>\n").Append(string.Concat(lines.Skip(1).Select(l => $"<li>{E(l.TrimStart('-', ' '))}</li>\n"))).Append("</ul>\n</section>\n");
        }

        html.Append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        foreach (var chart in SweepCharts.All(result, environment))
            html.Append("<figure>\n").Append(chart.Element().ToString()).Append("\n</figure>\n");
        html.Append("</section>\n");

        AppendPoints(html, result);
        AppendSamples(html, result);
        html.Append("<footer class=\"note\"><p>")
            .Append(result.AllCorrect ? "Every run matched the serial reference." : "<strong>Some runs did not match the serial reference.</strong>")
            .Append(" The same data: ")
            .Append(string.Join(", ", ReportWriter.Files.Where(f => f != "report.html").Select(f => $"<a href=\"{f}\">{f}</a>")))
            .Append(".</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendPoints(StringBuilder html, ExperimentResult result)
    {
        html.Append("<section id=\"points\">\n<h2>Points</h2>\n<p class=\"note\">Times in ms: median [Q1 to Q3], min to max, and the spread (Q3 - Q1) / median; ")
            .Append("speedup, efficiency and Karp-Flatt against the serial reference, speedup_vs_w1 against the actors' own W = 1 run.</p>\n<table>\n<tr>")
            .Append(string.Concat(new[] { "W", "mode", "size", "tasks", "runs", "actors ms", "serial ms", "TPL ms", "speedup", "speedup_vs_w1", "efficiency", "Karp-Flatt", "TPL speedup", "W_eff", "correct" }.Select(h => $"<th>{E(h)}</th>")))
            .Append("</tr>\n");
        foreach (var p in result.Points)
        {
            html.Append("<tr class=\"point").Append(p.Correct ? "" : " fail").Append("\">")
                .Append(Cell(p.Workers)).Append("<td class=\"text\">").Append(p.Mode.ToString().ToLowerInvariant()).Append("</td>")
                .Append(Cell(p.Size)).Append(Cell(p.Tasks)).Append(Cell(p.Repeats))
                .Append(Stats(p.WallMsStats)).Append(Stats(p.SerialMsStats)).Append(Stats(p.TplMsStats))
                .Append(Cell(p.Speedup)).Append(Cell(p.SpeedupVsOneWorker)).Append(Cell(p.Efficiency)).Append(Cell(p.KarpFlatt))
                .Append(Cell(p.TplSpeedup)).Append(Cell(p.WEff)).Append("<td>").Append(p.Correct ? "yes" : "NO").Append("</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void AppendSamples(StringBuilder html, ExperimentResult result)
    {
        html.Append("<section id=\"samples\">\n<h2>Raw samples</h2>\n<details>\n<summary>Every run's time in ms, in the order taken (round 1 first)</summary>\n<table>\n")
            .Append("<tr><th>W</th><th class=\"text\">mode</th><th>tasks</th><th class=\"text\">actors</th><th class=\"text\">serial reference</th><th class=\"text\">TPL</th></tr>\n");
        foreach (var p in result.Points)
        {
            html.Append("<tr>").Append(Cell(p.Workers)).Append("<td class=\"text\">").Append(p.Mode.ToString().ToLowerInvariant()).Append("</td>").Append(Cell(p.Tasks))
                .Append(Samples(p.WallMsStats)).Append(Samples(p.SerialMsStats)).Append(Samples(p.TplMsStats)).Append("</tr>\n");
        }

        html.Append("</table>\n</details>\n</section>\n");
    }

    private static string Stats(SampleStats? s) => s is null
        ? "<td></td>"
        : $"<td{(s.TooNoisy ? " class=\"noisy\"" : "")} title=\"{s.N} runs\">{Format.N(s.Median, "0.##")} [{Format.N(s.Q1, "0.##")} to {Format.N(s.Q3, "0.##")}]<br>{Format.N(s.Min, "0.##")} to {Format.N(s.Max, "0.##")}, {ReportWriter.Percent(s)}</td>";

    private static string Samples(SampleStats? s) =>
        $"<td class=\"text\">{(s is null ? "" : string.Join(", ", s.Samples.Select(v => Format.N(v, "0.###"))))}</td>";

    private static string Cell(double? v) => $"<td>{Format.N(v)}</td>";

    private static string Cell(long v) => $"<td>{v.ToString(CultureInfo.InvariantCulture)}</td>";

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
