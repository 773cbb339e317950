using System.Globalization;
using System.Text;

namespace ActorParallel.Configuration;

internal sealed partial class HoconTextParser
{
    /// <summary>Parses a value concatenation: pieces on one line, whitespace between them kept for strings.</summary>
    private HoconValue ParseValue()
    {
        if (!_json && TryParseUnquotedValue() is { } simple)
        {
            return simple;
        }

        if (TryParseQuotedValue() is { } quoted)
        {
            return quoted;
        }

        var origin = Here;
        HoconValue? single = null;
        List<HoconValue>? pieces = null;
        while (true)
        {
            var wsStart = _pos;
            SkipSpaces();
            if (AtEnd || AtComment())
            {
                break;
            }

            var c = _text[_pos];
            if (c is '\n' or ',' or '}' or ']')
            {
                break;
            }

            var wsOrigin = new HoconOrigin(_source, _line, wsStart - _lineStart + 1);
            var wsEnd = _pos;
            var piece = ParseSingle();
            if (single is null)
            {
                single = piece;
                continue;
            }

            if (_json)
            {
                throw ErrorAt(piece.Origin, "JSON values cannot be concatenated", "separate values with commas, or give the file a .conf extension");
            }

            // Room for the usual "${a} { ... }" (value, space, value) without growing; a single
            // space, the usual separator, is a shared string rather than a new one per piece.
            pieces ??= new List<HoconValue>(3) { single };
            // Whitespace next to an object or array literal can never end up in a string (such a
            // concatenation is an object, an array or an error that names the values, not the gap).
            if (wsEnd > wsStart && piece is not (HoconObject or HoconArray) && pieces[^1] is not (HoconObject or HoconArray))
            {
                var ws = wsEnd - wsStart == 1 && _text[wsStart] == ' ' ? " " : _text[wsStart..wsEnd];
                pieces.Add(new HoconWhitespace(ws, wsOrigin));
            }

            pieces.Add(piece);
        }

        if (single is null)
        {
            var shown = AtEnd ? "end of file" : "'" + Peek + "'";
            throw Error($"expected a value, found {shown}", "give the field a value, for example key = \"\" or key = null");
        }

        return pieces is null ? single : Combine(pieces, origin);
    }

    /// <summary>Folds a concatenation at parse time when no piece is a substitution.</summary>
    private static HoconValue Combine(List<HoconValue> pieces, HoconOrigin origin)
    {
        foreach (var piece in pieces)
        {
            if (piece is HoconSubstitution or HoconConcatenation or HoconDelayedMerge)
            {
                return new HoconConcatenation(pieces, origin);
            }
        }

        return Concatenate(pieces, origin);
    }

    /// <summary>Concatenates resolved pieces (whitespace pieces allowed). Used by the parser and the resolver.</summary>
    internal static HoconValue Concatenate(List<HoconValue> pieces, HoconOrigin origin, bool resolved = false)
    {
        HoconValue? firstValue = null;
        foreach (var piece in pieces)
        {
            if (piece is HoconWhitespace)
            {
                continue;
            }

            if (firstValue is null)
            {
                firstValue = piece;
                continue;
            }

            var kindA = Kind(firstValue);
            var kindB = Kind(piece);
            if (kindA != kindB)
            {
                throw ErrorAt(
                    resolved ? origin : piece.Origin,
                    resolved
                        ? $"cannot concatenate {HoconValue.Describe(firstValue)} (defined at {firstValue.Origin}) with {HoconValue.Describe(piece)} (defined at {piece.Origin})"
                        : $"cannot concatenate {HoconValue.Describe(firstValue)} with {HoconValue.Describe(piece)}",
                    "concatenate only strings with strings, arrays with arrays, objects with objects; put commas or newlines between separate values, or quote the text");
            }
        }

        if (firstValue is null)
        {
            return new HoconLiteral(string.Concat(pieces.OfType<HoconWhitespace>().Select(w => w.Text)), HoconValueType.String, origin);
        }

        switch (Kind(firstValue))
        {
            case 1:
                var items = new List<HoconValue>();
                foreach (var piece in pieces)
                {
                    if (piece is HoconArray array)
                    {
                        items.AddRange(array.Items);
                    }
                }

                return new HoconArray(items, origin);
            case 2:
                HoconObject? merged = null;
                foreach (var piece in pieces)
                {
                    if (piece is HoconObject obj)
                    {
                        merged = merged is null ? obj : HoconResolver.MergeObjects(obj, merged);
                    }
                }

                return merged!;
            default:
                var sb = new StringBuilder();
                var count = 0;
                HoconValue? only = null;
                foreach (var piece in pieces)
                {
                    if (piece is HoconWhitespace ws)
                    {
                        sb.Append(ws.Text);
                    }
                    else
                    {
                        sb.Append(((HoconLiteral)piece).Value);
                        only = piece;
                        count++;
                    }
                }

                if (count == 1 && sb.Length == ((HoconLiteral)only!).Value.Length)
                {
                    return only;
                }

                return new HoconLiteral(sb.ToString(), HoconValueType.String, origin);
        }
    }

    private static int Kind(HoconValue value) => value switch
    {
        HoconArray => 1,
        HoconObject => 2,
        _ => 0,
    };

    private HoconValue ParseSingle()
    {
        var c = _text[_pos];
        var origin = Here;
        switch (c)
        {
            case '"':
                if (_pos + 2 < _text.Length && _text[_pos + 1] == '"' && _text[_pos + 2] == '"')
                {
                    if (_json)
                    {
                        throw Error("triple-quoted strings are not JSON", "use a normal JSON string, or give the file a .conf extension");
                    }

                    return new HoconLiteral(ReadTripleQuoted(), HoconValueType.String, origin);
                }

                return new HoconLiteral(ReadQuoted(), HoconValueType.String, origin);
            case '{':
            {
                _pos++;
                var obj = new HoconObject(origin);
                ParseObjectBody(obj, braced: true);
                return obj;
            }

            case '[':
                return ParseArray();
            case '$':
                if (_pos + 1 < _text.Length && _text[_pos + 1] == '{')
                {
                    if (_json)
                    {
                        throw Error("substitutions are not JSON", "give the file a .conf extension to use ${...}");
                    }

                    return ParseSubstitution();
                }

                break;
        }

        if (!IsUnquotedStart())
        {
            throw Error(
                $"unexpected '{c}' in a value",
                c is ':' or '=' ? "quote strings that contain ':' or '=', for example url = \"http://host:80\"" : "quote the string, or remove the character");
        }

        var start = _pos;
        _pos = UnquotedRunEnd(start);
        return Classify(_text.AsSpan(start, _pos - start), origin);
    }

    /// <summary>
    /// The common value made only of unquoted text on one line (<c>on</c>, <c>42</c>, <c>100 ms</c>,
    /// <c>foo bar</c>): its text is the source text itself, so no concatenation is built. Returns
    /// null (cursor unchanged) when the value has other kinds of pieces.
    /// </summary>
    private HoconValue? TryParseUnquotedValue()
    {
        if (!IsUnquotedStart())
        {
            return null;
        }

        var text = _text;
        var origin = Here;
        var start = _pos;
        var end = UnquotedRunEnd(start);
        var runs = 1;
        while (true)
        {
            var j = end;
            while (j < text.Length && IsSpace(text[j]))
            {
                j++;
            }

            if (j >= text.Length)
            {
                break;
            }

            var c = text[j];
            if (c is '\n' or ',' or '}' or ']' or '#' || (c == '/' && j + 1 < text.Length && text[j + 1] == '/'))
            {
                break;
            }

            if (!IsUnquotedChar(c))
            {
                return null;
            }

            end = UnquotedRunEnd(j);
            runs++;
        }

        _pos = end;
        var span = text.AsSpan(start, end - start);
        return runs == 1
            ? Classify(span, origin)
            : new HoconLiteral(Intern(span), HoconValueType.String, origin);
    }

    /// <summary>
    /// The other common value: one "quoted string" and nothing after it on the line, returned
    /// without the concatenation loop (which builds an origin per piece and re-checks for comments).
    /// Returns null (cursor unchanged) when the value is anything else.
    /// </summary>
    private HoconLiteral? TryParseQuotedValue()
    {
        var text = _text;
        var start = _pos;
        if (start >= text.Length || text[start] != '"' || (start + 2 < text.Length && text[start + 1] == '"' && text[start + 2] == '"'))
        {
            return null;
        }

        var origin = Here;
        var value = ReadQuoted();
        var j = _pos;
        while (j < text.Length && IsSpace(text[j]))
        {
            j++;
        }

        if (j < text.Length)
        {
            var c = text[j];
            var ends = c is '\n' or ',' or '}' or ']'
                || (!_json && (c == '#' || (c == '/' && j + 1 < text.Length && text[j + 1] == '/')));
            if (!ends)
            {
                // A concatenation (or an error): the general path reads it again from the start.
                _pos = start;
                return null;
            }
        }

        return new HoconLiteral(value, HoconValueType.String, origin);
    }

    /// <summary>An unquoted token: true/false, null, a number, or a string.</summary>
    private HoconLiteral Classify(ReadOnlySpan<char> span, HoconOrigin origin)
    {
        if (span is "true" or "false")
        {
            return new HoconLiteral(span is "true" ? "true" : "false", HoconValueType.Boolean, origin);
        }

        if (span is "null")
        {
            return HoconLiteral.Null(origin);
        }

        if (IsNumber(span))
        {
            // Lightbend reads an integer too large for 64 bits as a string.
            if (span.Length < 19 || span.IndexOfAny('.', 'e', 'E') >= 0
                || long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                return new HoconLiteral(Intern(span), HoconValueType.Number, origin);
            }
        }

        if (_json)
        {
            throw ErrorAt(origin, $"unquoted string '{span}' is not JSON", "quote the string, or give the file a .conf extension");
        }

        return new HoconLiteral(Intern(span), HoconValueType.String, origin);
    }

    /// <summary>JSON number syntax, with leading zeros allowed as Lightbend does.</summary>
    private static bool IsNumber(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        var digits = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i == digits)
        {
            return false;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            var fraction = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == fraction)
            {
                return false;
            }
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            {
                i++;
            }

            var exponent = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == exponent)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private HoconValue ParseArray()
    {
        var origin = Here;
        _pos++;
        Enter();
        var items = new List<HoconValue>();
        var needSeparator = false;
        while (true)
        {
            var sawNewline = SkipAll();
            if (AtEnd)
            {
                throw Error($"end of file inside the array opened at {origin}: expected ']'", "add the missing ']'");
            }

            if (Peek == ']')
            {
                _pos++;
                break;
            }

            if (needSeparator && (_json || !sawNewline))
            {
                throw Error($"expected ',' or ']' in an array, not '{Peek}'", "separate array elements with commas");
            }

            items.Add(ParseValue());
            SkipSpacesAndComments();
            needSeparator = true;
            if (Peek == ',')
            {
                _pos++;
                needSeparator = false;
                if (_json)
                {
                    SkipAll();
                    if (Peek == ']')
                    {
                        throw Error("trailing comma in a JSON array", "remove the comma");
                    }
                }
            }
            else if (!AtEnd && Peek != '\n' && Peek != ']')
            {
                throw Error($"expected ',', a newline or ']' after an array element, not '{Peek}'", "separate array elements with commas");
            }
        }

        _depth--;
        return new HoconArray(items, origin);
    }

    private HoconSubstitution ParseSubstitution()
    {
        var origin = Here;
        _pos += 2;
        var optional = false;
        if (Peek == '?')
        {
            optional = true;
            _pos++;
        }

        SkipSpaces();
        ReadKey(forSubstitution: true);
        var path = _key.ToArray();
        SkipSpaces();
        if (Peek != '}')
        {
            var shown = AtEnd ? "end of file" : "'" + Peek + "'";
            throw Error($"expected '}}' to close the substitution, found {shown}", "write ${path} with a valid path; quote segments with special characters");
        }

        _pos++;
        SubstitutionCount++;
        return new HoconSubstitution(Append(_prefix, path), optional, _prefix.Length, origin);
    }

    /// <summary>Reads a "..." string with JSON escapes; the cursor is on the opening quote.</summary>
    private string ReadQuoted()
    {
        var origin = Here;
        _pos++;
        var start = _pos;
        StringBuilder? sb = null;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw ErrorAt(origin, "end of file inside a quoted string", "add the closing '\"'");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                var result = sb is null ? _text[start.._pos] : sb.Append(_text, start, _pos - start).ToString();
                _pos++;
                return result;
            }

            if (c == '\n')
            {
                throw ErrorAt(origin, "newline inside a quoted string", "close the string on the same line, write \\n, or use a \"\"\"triple-quoted\"\"\" string");
            }

            if (c < ' ' && c != '\t' && _json)
            {
                throw Error("control character inside a JSON string", "escape it");
            }

            if (c != '\\')
            {
                _pos++;
                if (!_json)
                {
                    // Jump to the next quote, backslash or newline.
                    var next = _text.AsSpan(_pos).IndexOfAny(QuotedStops);
                    _pos = next < 0 ? _text.Length : _pos + next;
                }

                continue;
            }

            sb ??= new StringBuilder();
            sb.Append(_text, start, _pos - start);
            _pos++;
            if (_pos >= _text.Length)
            {
                throw ErrorAt(origin, "end of file inside a quoted string", "add the closing '\"'");
            }

            var e = _text[_pos];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 >= _text.Length
                        || !int.TryParse(_text.AsSpan(_pos + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("\\u must be followed by four hex digits", "write the character as \\uXXXX");
                    }

                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw Error($"invalid escape '\\{e}' in a quoted string", "use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, or a \"\"\"triple-quoted\"\"\" string for raw text");
            }

            _pos++;
            start = _pos;
        }
    }

    /// <summary>Reads a """...""" string: raw text, and quotes just before the closing """ belong to it.</summary>
    private string ReadTripleQuoted()
    {
        var origin = Here;
        var start = _pos + 3;
        var end = _text.IndexOf("\"\"\"", start, StringComparison.Ordinal);
        if (end < 0)
        {
            throw ErrorAt(origin, "end of file inside a triple-quoted string", "add the closing \"\"\"");
        }

        while (end + 3 < _text.Length && _text[end + 3] == '"')
        {
            end++;
        }

        var content = _text[start..end];
        for (var i = start; i < end; i++)
        {
            if (_text[i] == '\n')
            {
                _line++;
                _lineStart = i + 1;
            }
        }

        _pos = end + 3;
        return content;
    }
}
