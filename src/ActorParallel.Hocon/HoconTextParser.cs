using System.Buffers;
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

    // The path of the field being parsed (include prefix first): needed only by += and include.
    private readonly List<string> _path;
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
        _path = [.. prefix];
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

    /// <summary>The key text as a string, shared with earlier keys of the same text when the cache has it.</summary>
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

    internal ConfigurationException Error(string what, string fix) => ErrorAt(Here, what, fix);

    internal static ConfigurationException ErrorAt(HoconOrigin origin, string what, string fix)
        => new($"{origin}: {what}. Fix: {fix}.", origin);

    /// <summary>ASCII characters allowed in unquoted text, except '/' (checked apart, since "//" starts a comment).</summary>
    private static readonly SearchValues<char> UnquotedAscii = SearchValues.Create(BuildUnquotedAscii());

    private static string BuildUnquotedAscii()
    {
        var sb = new StringBuilder();
        for (var c = (char)33; c < 127; c++)
        {
            if (!IsForbidden(c) && c != '/')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The end of the unquoted run starting at <paramref name="start"/> (stops at "//", whitespace and forbidden characters).</summary>
    private int UnquotedRunEnd(int start)
    {
        var text = _text;
        var i = start;
        while (true)
        {
            var skip = text.AsSpan(i).IndexOfAnyExcept(UnquotedAscii);
            i = skip < 0 ? text.Length : i + skip;
            if (i >= text.Length)
            {
                return i;
            }

            var c = text[i];
            if ((c > 127 && !IsSpace(c)) || (c == '/' && (i + 1 >= text.Length || text[i + 1] != '/')))
            {
                i++;
                continue;
            }

            return i;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c)
        => c == ' ' || c is '\t' or '\r' or '\f' or '\v' or '\uFEFF' || (c > 127 && c != '\n' && char.IsWhiteSpace(c));

    /// <summary>Characters that end an unquoted string (besides whitespace and "//").</summary>
    private static bool IsForbidden(char c)
        => c is '$' or '"' or '{' or '}' or '[' or ']' or ':' or '=' or ',' or '+' or '#' or '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\';

    private bool AtComment()
        => _pos < _text.Length && (_text[_pos] == '#' || (_text[_pos] == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/'));

    private void SkipSpaces()
    {
        while (_pos < _text.Length && IsSpace(_text[_pos]))
        {
            _pos++;
        }
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

    private void NewLine()
    {
        _pos++;
        _line++;
        _lineStart = _pos;
    }

    /// <summary>Skips whitespace, newlines and comments; returns whether a newline was seen.</summary>
    private bool SkipAll()
    {
        var sawNewline = false;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n')
            {
                NewLine();
                sawNewline = true;
            }
            else if (IsSpace(c))
            {
                _pos++;
            }
            else if (AtComment())
            {
                SkipComment();
            }
            else
            {
                break;
            }
        }

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
