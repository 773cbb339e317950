using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace ActorParallel.Configuration;

/// <summary>
/// The HOCON (and strict JSON) parser: one pass over the text, recursive descent, no token list.
/// It builds the tree, merges duplicate keys, expands path keys and inlines includes; substitutions
/// stay as nodes for <see cref="HoconResolver"/>.
/// </summary>
internal sealed partial class HoconTextParser
{
    private const int MaxDepth = 512;

    private readonly string _text;
    private readonly string _source;
    private readonly bool _json;
    private readonly string[] _prefix;
    private readonly IncludeContext _includes;
    private readonly string? _directory;

    // Keys repeat a lot in configuration files (and across files): a small direct-mapped cache per
    // thread (no locking) returns the same string for the same key text most of the time.
    private const int KeyCacheSize = 1024;
    [ThreadStatic]
    private static string?[]? t_keyCache;
    private readonly string?[] _keyCache;

    // Segments of the key just read (reused, so reading a key allocates only new strings).
    private readonly List<string> _key = new(4);

    // The path of the field being parsed (include prefix first): needed only by += and include, but
    // updated for every field, so a plain array and a count (List.Add/RemoveAt bounds-checked and
    // versioned every push and pop) and materialized with CurrentPath() only when asked for.
    private string[] _path;
    private int _pathCount;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _depth;

    public HoconTextParser(string text, string source, bool json, string[] prefix, IncludeContext includes, string? directory)
    {
        _text = text;
        _source = source;
        _json = json;
        _prefix = prefix;
        _includes = includes;
        _directory = directory;
        _path = new string[Math.Max(16, prefix.Length * 2)];
        prefix.CopyTo(_path, 0);
        _pathCount = prefix.Length;
        _keyCache = t_keyCache ??= new string?[KeyCacheSize];
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
            _lineStart = 1;
        }
    }

    /// <summary>How many substitutions the document (with its includes) holds; zero lets resolution be skipped.</summary>
    public int SubstitutionCount { get; private set; }

    private HoconOrigin Here => new(_source, _line, _pos - _lineStart + 1);

    private bool AtEnd => _pos >= _text.Length;

    private char Peek => _pos < _text.Length ? _text[_pos] : '\0';

    public static string[] ParsePathExpression(string path)
    {
        var parser = new HoconTextParser(path, "path '" + path + "'", json: false, [], IncludeContext.None, null);
        parser.SkipSpaces();
        parser.ReadKey(forSubstitution: false);
        var segments = parser._key.ToArray();
        parser.SkipSpaces();
        if (!parser.AtEnd)
        {
            throw parser.Error(
                $"invalid path expression '{path}': unexpected '{parser.Peek}'",
                "quote path segments that contain special characters, for example a.\"b:c\".d");
        }

        return segments;
    }

    /// <summary>Parses a whole document; the root must be an object (braces optional in HOCON).</summary>
    public HoconObject ParseDocument()
    {
        SkipAll();
        HoconObject root;
        if (Peek == '{')
        {
            var origin = Here;
            _pos++;
            root = new HoconObject(origin);
            ParseObjectBody(root, braced: true);
        }
        else if (_json && !AtEnd)
        {
            if (Peek == '[')
            {
                throw Error("the root of a configuration must be an object, not an array", "wrap the array in an object: { items = [...] }");
            }

            throw Error($"JSON must start with '{{', not '{Peek}'", "fix the JSON, or give the file a .conf extension to parse it as HOCON");
        }
        else
        {
            if (Peek == '[')
            {
                throw Error("the root of a configuration must be an object, not an array", "wrap the array in an object: { items = [...] }");
            }

            root = new HoconObject(Here);
            ParseObjectBody(root, braced: false);
        }

        SkipAll();
        if (!AtEnd)
        {
            throw Error($"unexpected '{Peek}' after the end of the root object", "remove the extra text or the extra '}'");
        }

        return root;
    }

    /// <summary>A copy of the path of the field being parsed.</summary>
    private string[] CurrentPath() => _path.AsSpan(0, _pathCount).ToArray();

    /// <summary>Appends <paramref name="count"/> segments of the key just read to the path.</summary>
    private void PushPath(int count)
    {
        if (_pathCount + count > _path.Length)
        {
            Array.Resize(ref _path, Math.Max(_path.Length * 2, _pathCount + count));
        }

        if (count == 1)
        {
            _path[_pathCount++] = _key[0];
            return;
        }

        for (var i = 0; i < count; i++)
        {
            _path[_pathCount++] = _key[i];
        }
    }

    /// <summary>The text as a string, shared with earlier keys and values of the same text when the cache has it.</summary>
    private string Intern(ReadOnlySpan<char> text)
    {
        var length = text.Length;
        if (length == 0 || length > 64)
        {
            return text.ToString();
        }

        var slot = ((length * 31) + (text[0] * 7) + (text[length - 1] * 13) + text[length / 2]) & (KeyCacheSize - 1);
        var cached = _keyCache[slot];
        if (cached is not null && text.SequenceEqual(cached))
        {
            return cached;
        }

        var created = text.ToString();
        _keyCache[slot] = created;
        return created;
    }

    internal HoconConfigException Error(string what, string fix) => ErrorAt(Here, what, fix);

    internal static HoconConfigException ErrorAt(HoconOrigin origin, string what, string fix)
        => new($"{origin}: {what}. Fix: {fix}.", origin);

    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\\\n");

    /// <summary>For each ASCII character: 1 when it may appear in unquoted text ('/' too: only "//" ends a run).</summary>
    private static readonly byte[] UnquotedTable = BuildUnquotedTable();

    private static byte[] BuildUnquotedTable()
    {
        // Control characters that are not whitespace are ordinary unquoted text, as in Lightbend's
        // tokenizer; leaving them out made an unquoted run empty, and the value loop never advanced.
        var table = new byte[128];
        for (var c = (char)0; c < 127; c++)
        {
            table[c] = IsForbidden(c) || IsSpace(c) || c == '\n' ? (byte)0 : (byte)1;
        }

        return table;
    }

    /// <summary>The end of the unquoted run starting at <paramref name="start"/> (stops at "//", whitespace and forbidden characters).</summary>
    private int UnquotedRunEnd(int start)
    {
        var text = _text;
        var table = UnquotedTable;
        var i = start;
        while ((uint)i < (uint)text.Length)
        {
            var c = text[i];
            if (c < 128)
            {
                if (table[c] == 0 || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
                {
                    if (c == '+' && IsExponentSign(text, start, i))
                    {
                        i++;
                        continue;
                    }

                    return i;
                }
            }
            else if (IsSpace(c))
            {
                return i;
            }

            i++;
        }

        return i;
    }

    /// <summary>
    /// True when the '+' at <paramref name="plus"/> is the sign of a number's exponent (<c>1e+5</c>, <c>-2.5E+10</c>):
    /// '+' is reserved in unquoted text, but JSON numbers allow it there, and so does Lightbend, which reads the
    /// longest run of number characters from the start of the token as a number (and rejects the '+' when that
    /// run is no number: <c>1e+</c>, <c>1+2</c>, <c>1.5e+3.5</c>). What follows the number joins it as text (<c>1e+5ms</c>).
    /// </summary>
    private static bool IsExponentSign(string text, int start, int plus)
    {
        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is 'e' or 'E' or '+' or '-' or '.'))
        {
            end++;
        }

        return plus < end && IsNumber(text.AsSpan(start, end - start));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c)
        => c == ' ' || c is '\t' or '\r' or '\f' or '\v' or '\uFEFF' or (>= '\u001C' and <= '\u001F') || (c > 127 && char.IsWhiteSpace(c));

    /// <summary>Characters that end an unquoted string (besides whitespace and "//").</summary>
    private static bool IsForbidden(char c)
        => c is '$' or '"' or '{' or '}' or '[' or ']' or ':' or '=' or ',' or '+' or '#' or '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\';

    private bool AtComment()
        => _pos < _text.Length && (_text[_pos] == '#' || (_text[_pos] == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/'));

    private void SkipSpaces()
    {
        // The cursor lives in a local while scanning: advancing the _pos field itself makes every
        // character wait for the previous store (see SkipAll).
        var text = _text;
        var pos = _pos;
        while (pos < text.Length && IsSpace(text[pos]))
        {
            pos++;
        }

        _pos = pos;
    }

    private void SkipComment()
    {
        if (_json)
        {
            throw Error("comments are not allowed in JSON", "remove the comment, or give the file a .conf extension");
        }

        var end = _text.IndexOf('\n', _pos);
        _pos = end < 0 ? _text.Length : end;
    }

    private void SkipSpacesAndComments()
    {
        while (true)
        {
            SkipSpaces();
            if (AtComment())
            {
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Skips whitespace, newlines and comments; returns whether a newline was seen.</summary>
    private bool SkipAll()
    {
        // Indentation and comment lines are a large share of a reference config. The loop keeps the
        // cursor in a local: incrementing the _pos field chained every character through a store and
        // a reload, and this loop runs over more characters than any other.
        var text = _text;
        var pos = _pos;
        var sawNewline = false;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == ' ')
            {
                pos++;
            }
            else if (c == '\n')
            {
                pos++;
                _line++;
                _lineStart = pos;
                sawNewline = true;
            }
            else if (IsSpace(c))
            {
                pos++;
            }
            else if (c == '#' || (c == '/' && pos + 1 < text.Length && text[pos + 1] == '/'))
            {
                _pos = pos;
                SkipComment();
                pos = _pos;
            }
            else
            {
                break;
            }
        }

        _pos = pos;
        return sawNewline;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"nesting deeper than {MaxDepth} levels", "flatten the configuration");
        }
    }

    private static string[] Append(string[] prefix, string[] segments)
    {
        if (prefix.Length == 0)
        {
            return segments;
        }

        var result = new string[prefix.Length + segments.Length];
        prefix.CopyTo(result, 0);
        segments.CopyTo(result, prefix.Length);
        return result;
    }
}
