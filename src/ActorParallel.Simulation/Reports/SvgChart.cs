using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace ActorParallel.Simulation.Reports;

/// <summary>One line on a chart; dashed lines are models (ideal, fitted law), solid ones measurements with markers.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<(double X, double Y)> Points, string Colour, bool Dashed = false);

/// <summary>A hand-written SVG line chart with axes, ticks and a legend; no plotting package.</summary>
public sealed record SvgChart(string Title, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series)
{
    private const double PlotWidth = 396, Height = 420, Left = 64, Top = 40, Bottom = 56;

    /// <summary>Room for the legend: at least 180 px, more when a label is long (about 7 px a character at 12 px sans-serif).</summary>
    private double Right => Math.Max(180, 48 + (7 * Series.Select(s => s.Label.Length).DefaultIfEmpty(0).Max()));

    private double Width => Left + PlotWidth + Right;

    public string Render()
    {
        var all = Series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
        var xMax = Nice(all.Length == 0 ? 1 : all.Max(p => p.X));
        var yMax = Nice(all.Length == 0 ? 1 : all.Max(p => p.Y));
        double Px(double x) => Left + (x / xMax * (Width - Left - Right));
        double Py(double y) => Height - Bottom - (y / yMax * (Height - Top - Bottom));

        XNamespace ns = "http://www.w3.org/2000/svg";
        var svg = new XElement(ns + "svg",
            new XAttribute("width", F(Width)), new XAttribute("height", F(Height)),
            new XAttribute("viewBox", $"0 0 {F(Width)} {F(Height)}"), new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "12"),
            new XElement(ns + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")),
            Text(ns, Width / 2, 22, Title, "middle", "15"),
            Text(ns, Left + ((Width - Left - Right) / 2), Height - 14, XLabel, "middle"),
            new XElement(ns + "text", new XAttribute("transform", $"translate(16 {F((Height - Bottom + Top) / 2)}) rotate(-90)"), new XAttribute("text-anchor", "middle"), YLabel),
            Line(ns, Left, Py(0), Width - Right, Py(0), "black"),
            Line(ns, Left, Py(0), Left, Top, "black"));

        foreach (var t in Ticks(xMax))
        {
            svg.Add(Line(ns, Px(t), Py(0), Px(t), Py(0) + 5, "black"), Text(ns, Px(t), Py(0) + 18, Label(t), "middle"));
        }

        foreach (var t in Ticks(yMax))
        {
            svg.Add(Line(ns, Left, Py(t), Width - Right, Py(t), "#e0e0e0"), Text(ns, Left - 6, Py(t) + 4, Label(t), "end"));
        }

        var legendY = Top + 10.0;
        foreach (var s in Series)
        {
            var points = s.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X).ToArray();
            if (points.Length > 0)
            {
                var polyline = new XElement(ns + "polyline",
                    new XAttribute("points", string.Join(" ", points.Select(p => $"{F(Px(p.X))},{F(Py(p.Y))}"))),
                    new XAttribute("fill", "none"), new XAttribute("stroke", s.Colour), new XAttribute("stroke-width", "2"));
                if (s.Dashed)
                    polyline.Add(new XAttribute("stroke-dasharray", "6 4"));
                svg.Add(polyline);
                if (!s.Dashed)
                    svg.Add(points.Select(p => new XElement(ns + "circle", new XAttribute("cx", F(Px(p.X))), new XAttribute("cy", F(Py(p.Y))), new XAttribute("r", "3.5"), new XAttribute("fill", s.Colour))));
            }

            var legendLine = Line(ns, Width - Right + 12, legendY, Width - Right + 36, legendY, s.Colour);
            legendLine.Add(new XAttribute("stroke-width", "2"));
            if (s.Dashed)
                legendLine.Add(new XAttribute("stroke-dasharray", "6 4"));
            svg.Add(legendLine, Text(ns, Width - Right + 42, legendY + 4, s.Label, "start"));
            legendY += 20;
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), svg).Declaration + "\n" + svg.ToString() + "\n";
    }

    private static XElement Line(XNamespace ns, double x1, double y1, double x2, double y2, string stroke) =>
        new(ns + "line", new XAttribute("x1", F(x1)), new XAttribute("y1", F(y1)), new XAttribute("x2", F(x2)), new XAttribute("y2", F(y2)), new XAttribute("stroke", stroke));

    private static XElement Text(XNamespace ns, double x, double y, string text, string anchor, string? size = null)
    {
        var e = new XElement(ns + "text", new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("text-anchor", anchor), text);
        if (size is not null)
            e.Add(new XAttribute("font-size", size));
        return e;
    }

    /// <summary>The next "nice" axis maximum (1, 2, 2.5 or 5 times a power of ten) at or above <paramref name="max"/>.</summary>
    internal static double Nice(double max)
    {
        if (max <= 0 || !double.IsFinite(max))
            return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= max)
                return step * magnitude;
        }

        return 10 * magnitude;
    }

    private static IEnumerable<double> Ticks(double max) => Enumerable.Range(0, 6).Select(i => max * i / 5);

    private static string Label(double v) => v.ToString(v >= 10 || v == Math.Round(v) ? "0.#" : "0.##", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>Shared helpers for the writers.</summary>
internal static class Format
{
    public static string N(double? v, string format = "0.###") => v is { } x && double.IsFinite(x) ? x.ToString(format, CultureInfo.InvariantCulture) : "";

    public static string Csv(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal)
        ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : s;

    public static StringBuilder Row(this StringBuilder sb, IEnumerable<string> cells, string separator = ",") =>
        sb.Append(string.Join(separator, cells)).Append('\n');
}
