using System.Text;

namespace ActorParallel.Configuration;

/// <summary>HOCON path expressions (<c>a.b."c.d"</c>): parsing for getters and rendering for messages.</summary>
internal static class HoconPath
{
    /// <summary>Parses a path expression as getters receive it; throws <see cref="HoconConfigException"/> if it is malformed.</summary>
    public static string[] Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return HoconTextParser.ParsePathExpression(path);
    }

    public static string Render(ReadOnlySpan<string> segments)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            AppendKey(sb, segments[i], forPath: true);
        }

        return sb.ToString();
    }

    /// <summary>Appends a key, quoted when it would not read back as the same single segment.</summary>
    public static void AppendKey(StringBuilder sb, string key, bool forPath)
    {
        if (NeedsQuotes(key, forPath))
        {
            HoconRenderer.AppendQuoted(sb, key);
        }
        else
        {
            sb.Append(key);
        }
    }

    private static bool NeedsQuotes(string key, bool forPath)
    {
        if (key.Length == 0)
        {
            return true;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || (forPath && c == '/')))
            {
                return true;
            }
        }

        return key is "include" || key.Contains("//", StringComparison.Ordinal);
    }
}
