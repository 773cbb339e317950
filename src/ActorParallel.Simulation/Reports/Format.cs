using System.Globalization;
using System.Text;

namespace ActorParallel.Simulation.Reports;

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
