using System.Globalization;
using System.Text;

namespace ActorParallel.Configuration;

/// <summary>
/// Renders a resolved tree as JSON: keys in definition order, whole numbers as integers (1.0 prints
/// as 1, as Lightbend does), other numbers in shortest round-trip form. Indented with two spaces, or compact.
/// </summary>
public static class JsonRenderer
{
    public static string Render(HoconValue value, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder();
        Write(sb, value, indented, 0);
        if (indented)
        {
            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static void Write(StringBuilder sb, HoconValue value, bool indented, int indent)
    {
        switch (value)
        {
            case HoconObject obj:
                if (obj.Count == 0)
                {
                    sb.Append("{}");
                    return;
                }

                sb.Append('{');
                var first = true;
                foreach (var (key, item) in obj.Items)
                {
                    sb.Append(first ? string.Empty : ",");
                    first = false;
                    NewLine(sb, indented, indent + 1);
                    HoconRenderer.AppendQuoted(sb, key);
                    sb.Append(indented ? ": " : ":");
                    Write(sb, item, indented, indent + 1);
                }

                NewLine(sb, indented, indent);
                sb.Append('}');
                return;
            case HoconArray array:
                if (array.Count == 0)
                {
                    sb.Append("[]");
                    return;
                }

                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    sb.Append(i == 0 ? string.Empty : ",");
                    NewLine(sb, indented, indent + 1);
                    Write(sb, array[i], indented, indent + 1);
                }

                NewLine(sb, indented, indent);
                sb.Append(']');
                return;
            case HoconLiteral { Type: HoconValueType.String } s:
                HoconRenderer.AppendQuoted(sb, s.Value);
                return;
            case HoconLiteral { Type: HoconValueType.Number } n:
                sb.Append(FormatNumber(n));
                return;
            case HoconLiteral l:
                sb.Append(l.Value);
                return;
            default:
                throw new HoconConfigException($"{value.Origin}: cannot render an unresolved value as JSON. Fix: resolve the configuration first (HoconConfigFactory resolves).");
        }
    }

    internal static string FormatNumber(HoconLiteral n)
    {
        if (n.WholeValue is { } whole)
        {
            return whole.ToString(CultureInfo.InvariantCulture);
        }

        var d = n.DoubleValue;
        return double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : n.Value;
    }

    private static void NewLine(StringBuilder sb, bool indented, int indent)
    {
        if (indented)
        {
            sb.Append('\n').Append(' ', indent * 2);
        }
    }
}
