using System.Globalization;
using System.Text;

namespace ActorParallel.Simulation.Tests.Configuration;

/// <summary>
/// Seeded random configuration trees built from awkward pieces (separators, quotes, backslashes, comment starts,
/// substitution syntax, Akka deployment paths, the word include, unicode, control characters), written as JSON
/// (valid HOCON), with the tree Akka should read: <see cref="Json"/> and <see cref="Expected"/> of one tree.
/// </summary>
internal sealed class RandomTrees(int seed)
{
    private static readonly string[] Pieces =
    [
        "a", "b", "Z", "0", "42", "-", "_", ".", "..", " ", "  ", "\t", "\n", "\r\n", "\"", "\\", "/", "//", "/*", "*", "#",
        "$", "${x}", "${?X}", "{", "}", "[", "]", ":", "=", ",", "+=", "+", "?", "!", "@", "&", "^", "`", "'", "include",
        "null", "true", "é", "日本", "😀", "\u2028", "\u0001", "\u007f", "\u00a0", "\"\"\"", "/workers", "/supervisor/*",
    ];

    private readonly Random _random = new(seed);

    /// <summary>One random root object: its JSON text and what Akka should read from the hand-over.</summary>
    public (string Json, AkkaTree Expected) Next()
    {
        var json = new StringBuilder();
        var expected = Object(json, depth: 0);
        return (json.ToString(), expected);
    }

    private AkkaTree.Obj Object(StringBuilder json, int depth)
    {
        var fields = new Dictionary<string, AkkaTree>(StringComparer.Ordinal);
        var count = _random.Next(depth == 0 ? 1 : 0, 6);
        json.Append('{');
        for (var i = 0; i < count; i++)
        {
            var key = Text(maxPieces: 3);
            if (fields.ContainsKey(key))
            {
                continue;
            }

            if (fields.Count > 0)
            {
                json.Append(',');
            }

            AppendJsonString(json, key);
            json.Append(':');
            fields[key] = Value(json, depth + 1);
        }

        json.Append('}');
        return new AkkaTree.Obj(fields);
    }

    private AkkaTree Value(StringBuilder json, int depth)
    {
        switch (_random.Next(depth > 3 ? 5 : 7))
        {
            case 0:
            case 1:
            {
                var s = Text(maxPieces: 5);
                AppendJsonString(json, s);
                return AkkaReads(s);
            }

            case 2:
            {
                var n = Number();
                json.Append(n);
                return new AkkaTree.Str(n);
            }

            case 3:
            {
                var b = _random.Next(2) == 0 ? "true" : "false";
                json.Append(b);
                return new AkkaTree.Str(b);
            }

            case 4:
                json.Append("null");
                return new AkkaTree.Null();
            case 5:
                return Object(json, depth);
            default:
            {
                var items = new List<AkkaTree>();
                json.Append('[');
                for (var i = _random.Next(4); i > 0; i--)
                {
                    if (items.Count > 0)
                    {
                        json.Append(',');
                    }

                    items.Add(Value(json, depth + 1));
                }

                json.Append(']');
                return new AkkaTree.Arr(items);
            }
        }
    }

    /// <summary>
    /// What Akka reads for the string <paramref name="s"/>: its getters trim the value and take the text "null"
    /// for null (see AkkaHandOverTests), so no rendering can keep edge whitespace or the string "null".
    /// </summary>
    private static AkkaTree AkkaReads(string s)
    {
        var trimmed = s.Trim();
        return trimmed == "null" ? new AkkaTree.Null() : new AkkaTree.Str(trimmed);
    }

    private string Text(int maxPieces)
    {
        var sb = new StringBuilder();
        for (var i = _random.Next(maxPieces + 1); i > 0; i--)
        {
            sb.Append(Pieces[_random.Next(Pieces.Length)]);
        }

        return sb.ToString();
    }

    private string Number() => _random.Next(6) switch
    {
        0 => _random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
        1 => _random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
        2 => (_random.NextDouble() * 1000 - 500).ToString("R", CultureInfo.InvariantCulture),
        3 => _random.Next(1, 10).ToString(CultureInfo.InvariantCulture) + "e" + _random.Next(-20, 20).ToString(CultureInfo.InvariantCulture),
        4 => "-" + _random.Next(0, 10).ToString(CultureInfo.InvariantCulture) + "." + _random.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture) + "E+" + _random.Next(0, 30).ToString(CultureInfo.InvariantCulture),
        _ => "0",
    };

    private static void AppendJsonString(StringBuilder json, string s)
    {
        json.Append('"');
        foreach (var c in s)
        {
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c < ' ' || c > '~')
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }

        json.Append('"');
    }
}
