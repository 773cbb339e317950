using System.Globalization;
using System.Text;

namespace ActorParallel.Configuration;

/// <summary>
/// Java <c>.properties</c> files as HOCON sees them: every value is a string, keys split at '.', and
/// where a key is both a value and an object (<c>a=1</c>, <c>a.b=2</c>) the object wins.
/// </summary>
internal static class PropertiesParser
{
    public static HoconObject Parse(string text, string source, string[] prefix)
    {
        _ = prefix; // Properties hold no substitutions, so nothing needs relativizing.
        var root = new HoconObject(new HoconOrigin(source, 1, 1));
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var logical = new StringBuilder(lines[i].TrimStart());
            if (logical.Length == 0 || logical[0] is '#' or '!')
            {
                continue;
            }

            while (EndsWithContinuation(logical) && i + 1 < lines.Length)
            {
                logical.Length--;
                logical.Append(lines[++i].TrimStart());
            }

            var line = logical.ToString();
            var (key, value) = Split(line);
            var origin = new HoconOrigin(source, lineNumber, 1);
            var segments = key.Split('.');
            if (segments.Any(s => s.Length == 0))
            {
                continue; // Lightbend ignores keys it cannot turn into a path.
            }

            Set(root, segments, new HoconLiteral(value, HoconValueType.String, origin), origin);
        }

        return root;
    }

    private static void Set(HoconObject root, string[] segments, HoconLiteral value, HoconOrigin origin)
    {
        var current = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (current.GetKey(segments[i]) is HoconObject child)
            {
                current = child;
                continue;
            }

            var created = new HoconObject(origin);
            current.Set(segments[i], created);
            current = created;
        }

        var last = segments[^1];
        if (current.GetKey(last) is not HoconObject)
        {
            current.Set(last, value);
        }
    }

    private static bool EndsWithContinuation(StringBuilder sb)
    {
        var backslashes = 0;
        for (var i = sb.Length - 1; i >= 0 && sb[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static (string Key, string Value) Split(string line)
    {
        var key = new StringBuilder();
        var i = 0;
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                key.Append(Unescape(line, ref i));
                continue;
            }

            if (c is '=' or ':' || char.IsWhiteSpace(c))
            {
                break;
            }

            key.Append(c);
        }

        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
        }

        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        var value = new StringBuilder();
        for (; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                value.Append(Unescape(line, ref i));
            }
            else
            {
                value.Append(line[i]);
            }
        }

        return (key.ToString(), value.ToString());
    }

    private static string Unescape(string line, ref int i)
    {
        var e = line[++i];
        switch (e)
        {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case 'f': return "\f";
            case 'u' when i + 4 < line.Length
                && int.TryParse(line.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                i += 4;
                return ((char)code).ToString();
            default: return e.ToString();
        }
    }
}
