using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace ActorParallel.Simulation.Reports;

/// <summary>How an axis maps values to positions.</summary>
public enum AxisScale
{
    Linear,

    /// <summary>Logarithmic, base 2, with ticks at powers of two: for task counts that double from point to point.</summary>
    Log2,
}

/// <summary>
/// One line on a chart; dashed lines are models (ideal, fitted law), solid ones measurements with markers.
/// <see cref="Errors"/>, when set, gives each point (same order as <see cref="Points"/>) an error bar from Low to High.
/// </summary>
public sealed record ChartSeries(string Label, IReadOnlyList<(double X, double Y)> Points, string Colour, bool Dashed = false)
{
    public IReadOnlyList<(double Low, double High)>? Errors { get; init; }
}

/// <summary>
/// A hand-written SVG line chart with axes, ticks, error bars and a legend; no plotting package. The x axis spans
/// the measured series (solid lines) only: models are cut to that range, so no curve runs where nothing was
/// measured. <see cref="Notes"/> are small lines under the title (environment, baselines, what the bars are).
/// </summary>
public sealed record SvgChart(string Title, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series)
{
    private const double PlotWidth = 396, PlotHeight = 324, Left = 64, Bottom = 56, NoteChars = 110, Dodge = 5;

    public IReadOnlyList<string> Notes { get; init; } = [];

    public AxisScale XScale { get; init; } = AxisScale.Linear;

    /// <summary>Ticks only at whole numbers (worker counts).</summary>
    public bool IntegerX { get; init; }

    private IReadOnlyList<string> NoteLines => [.. Notes.SelectMany(Wrap)];

    private double Top => 40 + (15 * NoteLines.Count) + (NoteLines.Count > 0 ? 10 : 0);

    private double Height => Top + PlotHeight + Bottom;

    /// <summary>Room for the legend: at least 180 px, more when a label is long (about 7 px a character at 12 px sans-serif).</summary>
    private double Right => Math.Max(180, 48 + (7 * Series.Select(s => s.Label.Length).DefaultIfEmpty(0).Max()));

    private double Width => Math.Max(Left + PlotWidth + Right, 24 + (6 * NoteLines.Select(l => l.Length).DefaultIfEmpty(0).Max()));

    public string Render() => new XDeclaration("1.0", "utf-8", null) + "\n" + Element() + "\n";

    /// <summary>The chart as an <c>svg</c> element, to write to a file or inline into HTML.</summary>
    public XElement Element()
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        var (xLo, xHi) = XDomain();
        var yMax = YMax();
        double Px(double x) => Left + ((Position(x) - Position(xLo)) / (Position(xHi) - Position(xLo)) * PlotWidth);
        double Py(double y) => Top + PlotHeight - (y / yMax * PlotHeight);

        var svg = new XElement(ns + "svg",
            new XAttribute("width", F(Width)), new XAttribute("height", F(Height)), new XAttribute("class", "chart"),
            new XAttribute("viewBox", $"0 0 {F(Width)} {F(Height)}"), new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "12"),
            new XElement(ns + "title", Title),
            new XElement(ns + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")),
            Text(ns, Width / 2, 22, Title, "middle", "15"),
            Text(ns, Left + (PlotWidth / 2), Height - 14, XLabel, "middle"),
            new XElement(ns + "text", new XAttribute("transform", $"translate(16 {F(Top + (PlotHeight / 2))}) rotate(-90)"), new XAttribute("text-anchor", "middle"), YLabel),
            Line(ns, Left, Py(0), Left + PlotWidth, Py(0), "black"),
            Line(ns, Left, Py(0), Left, Top, "black"));
        foreach (var (line, i) in NoteLines.Select((l, i) => (l, i)))
            svg.Add(Text(ns, Width / 2, 40 + (15 * i), line, "middle", "11", "#555555"));

        foreach (var t in XTicks())
            svg.Add(Line(ns, Px(t), Py(0), Px(t), Py(0) + 5, "black"), Text(ns, Px(t), Py(0) + 18, Label(t), "middle", cssClass: "x-tick"));
        foreach (var t in Enumerable.Range(0, 6).Select(i => yMax * i / 5))
            svg.Add(Line(ns, Left, Py(t), Left + PlotWidth, Py(t), "#e0e0e0"), Text(ns, Left - 6, Py(t) + 4, Label(t), "end", cssClass: "y-tick"));

        var legendX = Left + PlotWidth + 12;
        var legendY = Top + 10.0;
        var measured = Series.Where(s => !s.Dashed).ToList();
        foreach (var s in Series)
        {
            // Measured lines that share x values are set a few pixels apart, so their markers and bars do not hide each other.
            var dodge = s.Dashed ? 0 : (measured.IndexOf(s) - ((measured.Count - 1) / 2.0)) * Dodge;
            double Sx(double x) => Px(x) + dodge;
            var shown = Visible(s);
            if (shown.Length > 0)
            {
                var polyline = new XElement(ns + "polyline",
                    new XAttribute("points", string.Join(" ", shown.Select(p => $"{F(Sx(p.X))},{F(Py(p.Y))}"))),
                    new XAttribute("fill", "none"), new XAttribute("stroke", s.Colour), new XAttribute("stroke-width", "2"));
                if (s.Dashed)
                    polyline.Add(new XAttribute("stroke-dasharray", "6 4"));
                svg.Add(polyline);
            }

            if (!s.Dashed)
            {
                foreach (var (p, i) in s.Points.Select((p, i) => (p, i)).Where(q => Drawable(q.p)))
                {
                    var bar = s.Errors is { } errors && i < errors.Count && double.IsFinite(errors[i].Low) && double.IsFinite(errors[i].High) ? errors[i] : ((double, double)?)null;
                    if (bar is var (low, high))
                    {
                        var x = Sx(p.X);
                        svg.Add(new XElement(ns + "path", new XAttribute("class", "error-bar"), new XAttribute("stroke", s.Colour), new XAttribute("fill", "none"),
                            new XAttribute("d", $"M{F(x - 4)},{F(Py(low))}H{F(x + 4)}M{F(x)},{F(Py(low))}V{F(Py(high))}M{F(x - 4)},{F(Py(high))}H{F(x + 4)}")));
                    }

                    var range = bar is var (lo, hi) ? $" ({Label(lo)} to {Label(hi)})" : "";
                    svg.Add(new XElement(ns + "circle", new XAttribute("class", "point"), new XAttribute("data-series", s.Label),
                        new XAttribute("cx", F(Sx(p.X))), new XAttribute("cy", F(Py(p.Y))), new XAttribute("r", "3.5"), new XAttribute("fill", s.Colour),
                        new XElement(ns + "title", $"{s.Label}: {XLabel} {Label(p.X)}, {YLabel} {Label(p.Y)}{range}")));
                }
            }

            var legendLine = Line(ns, legendX, legendY, legendX + 24, legendY, s.Colour);
            legendLine.Add(new XAttribute("stroke-width", "2"));
            if (s.Dashed)
                legendLine.Add(new XAttribute("stroke-dasharray", "6 4"));
            svg.Add(legendLine, Text(ns, legendX + 30, legendY + 4, s.Label, "start", cssClass: "legend"));
            legendY += 20;
        }

        return svg;
    }

    /// <summary>The x range drawn: the measured series' range (all series' when none is measured), padded so no marker sits on the frame.</summary>
    internal (double Low, double High) XDomain()
    {
        if (MeasuredRange() is not var (lo, hi))
            return (0, 1);
        if (XScale == AxisScale.Log2)
        {
            var pad = Math.Max(0.25, (Math.Log2(hi) - Math.Log2(lo)) * 0.05);
            return (Math.Pow(2, Math.Log2(lo) - pad), Math.Pow(2, Math.Log2(hi) + pad));
        }

        var margin = hi > lo ? Math.Max(IntegerX ? 0.25 : 0, (hi - lo) * 0.05) : 0.5;
        return (lo - margin, hi + margin);
    }

    /// <summary>
    /// The x ticks: powers of two on a log axis; whole numbers in steps of 1, 2, 5, 10, ... for <see cref="IntegerX"/>;
    /// else five nice steps. Only ticks inside the drawn range.
    /// </summary>
    internal IReadOnlyList<double> XTicks()
    {
        var (lo, hi) = MeasuredRange() ?? XDomain();
        if (XScale == AxisScale.Log2)
        {
            var exponents = Enumerable.Range((int)Math.Ceiling(Math.Log2(lo)), Math.Max(0, (int)Math.Floor(Math.Log2(hi)) - (int)Math.Ceiling(Math.Log2(lo)) + 1)).ToArray();
            if (exponents.Length == 0)
                return [.. new[] { lo, hi }.Distinct()];
            var every = (int)Math.Ceiling(exponents.Length / 10.0);
            return [.. exponents.Where((_, i) => i % every == 0).Select(e => Math.Pow(2, e))];
        }

        var step = IntegerX ? IntegerStep(hi - lo) : Nice((hi - lo) / 5);
        var first = Math.Ceiling(lo / step) * step;
        return [.. Enumerable.Range(0, (int)Math.Floor((hi - first) / step) + 1).Select(i => first + (i * step))];
    }

    private static double IntegerStep(double span)
    {
        for (var magnitude = 1.0; ; magnitude *= 10)
        {
            foreach (var step in new[] { 1, 2, 5 })
            {
                if (span / (step * magnitude) <= 10)
                    return step * magnitude;
            }
        }
    }

    private double YMax()
    {
        var ys = Series.SelectMany(s => Visible(s).Select(p => p.Y))
            .Concat(Series.Where(s => s.Errors is not null).SelectMany(s => s.Errors!.Select(e => e.High)))
            .Where(double.IsFinite).DefaultIfEmpty(1);
        return Nice(ys.Max());
    }

    /// <summary>The x range of the measured series (of all series when none is measured); null when nothing can be drawn.</summary>
    private (double Low, double High)? MeasuredRange()
    {
        var measured = Series.Where(s => !s.Dashed).SelectMany(s => s.Points).Where(Drawable).ToArray();
        var xs = (measured.Length > 0 ? measured : Series.SelectMany(s => s.Points).Where(Drawable)).Select(p => p.X).ToArray();
        return xs.Length == 0 ? null : (xs.Min(), xs.Max());
    }

    /// <summary>A series' points inside the measured x range (a model is cut there), in x order.</summary>
    private (double X, double Y)[] Visible(ChartSeries s)
    {
        var (lo, hi) = MeasuredRange() ?? (0, 0);
        return [.. s.Points.Where(p => Drawable(p) && p.X >= lo && p.X <= hi).OrderBy(p => p.X)];
    }

    private bool Drawable((double X, double Y) p) => Finite(p) && (XScale == AxisScale.Linear || p.X > 0);

    private double Position(double x) => XScale == AxisScale.Log2 ? Math.Log2(x) : x;

    private static bool Finite((double X, double Y) p) => double.IsFinite(p.X) && double.IsFinite(p.Y);

    private static IEnumerable<string> Wrap(string note)
    {
        var line = new StringBuilder();
        foreach (var word in note.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > NoteChars)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0)
            yield return line.ToString();
    }

    private static XElement Line(XNamespace ns, double x1, double y1, double x2, double y2, string stroke) =>
        new(ns + "line", new XAttribute("x1", F(x1)), new XAttribute("y1", F(y1)), new XAttribute("x2", F(x2)), new XAttribute("y2", F(y2)), new XAttribute("stroke", stroke));

    private static XElement Text(XNamespace ns, double x, double y, string text, string anchor, string? size = null, string? fill = null, string? cssClass = null)
    {
        var e = new XElement(ns + "text", new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("text-anchor", anchor), text);
        if (size is not null)
            e.Add(new XAttribute("font-size", size));
        if (fill is not null)
            e.Add(new XAttribute("fill", fill));
        if (cssClass is not null)
            e.Add(new XAttribute("class", cssClass));
        return e;
    }

    /// <summary>The next "nice" number (1, 2, 2.5 or 5 times a power of ten) at or above <paramref name="max"/>.</summary>
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

    private static string Label(double v) => v.ToString(v >= 10 || v == Math.Round(v) ? "0.#" : "0.##", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
