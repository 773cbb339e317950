using System.Globalization;
using System.Text;

namespace ActorParallel.Configuration;

/// <summary>
/// Renders resolved values as HOCON that parses back to an equal tree: the root object without
/// braces, two-space indentation, keys in definition order, every string quoted.
/// </summary>
internal static class HoconRenderer
{
    public static string Render(HoconValue value)
    {
        var sb = new StringBuilder();
        if (value is HoconObject root)
        {
            RenderFields(sb, root, 0);
        }
        else
        {
            RenderValue(sb, value, 0);
        }

        return sb.ToString();
    }

    private static void RenderFields(StringBuilder sb, HoconObject obj, int indent)
    {
        foreach (var (key, value) in obj.Items)
        {
            sb.Append(' ', indent * 2);
            HoconPath.AppendKey(sb, key, forPath: false);
            sb.Append(value is HoconObject ? " " : " = ");
            RenderValue(sb, value, indent);
            sb.Append('\n');
        }
    }

    private static void RenderValue(StringBuilder sb, HoconValue value, int indent)
    {
        switch (value)
        {
            case HoconObject obj when obj.Count == 0:
                sb.Append("{}");
                break;
            case HoconObject obj:
                sb.Append("{\n");
                RenderFields(sb, obj, indent + 1);
                sb.Append(' ', indent * 2).Append('}');
                break;
            case HoconArray array when array.Count == 0:
                sb.Append("[]");
                break;
            case HoconArray array:
                sb.Append("[\n");
                for (var i = 0; i < array.Count; i++)
                {
                    sb.Append(' ', (indent + 1) * 2);
                    RenderValue(sb, array[i], indent + 1);
                    sb.Append(i + 1 < array.Count ? ",\n" : "\n");
                }

                sb.Append(' ', indent * 2).Append(']');
                break;
            case HoconLiteral { Type: HoconValueType.String } s:
                AppendQuoted(sb, s.Value);
                break;
            case HoconLiteral l:
                sb.Append(l.Value);
                break;
            case HoconSubstitution s:
                sb.Append(s.Display);
                break;
            default:
                sb.Append("<unresolved>");
                break;
        }
    }

    /// <summary>Appends a JSON-style quoted string (valid in HOCON and JSON).</summary>
    public static void AppendQuoted(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ' || c is '\u2028' or '\u2029' or '\u007f')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
