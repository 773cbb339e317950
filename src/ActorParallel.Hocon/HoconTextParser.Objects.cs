namespace ActorParallel.Configuration;

internal sealed partial class HoconTextParser
{
    /// <summary>Parses fields into <paramref name="target"/> until '}' (braced) or the end of the text.</summary>
    private void ParseObjectBody(HoconObject target, bool braced)
    {
        var opened = Here;
        Enter();
        var depth = _depth;
        while (depth >= _scratch.Count)
        {
            _scratch.Add((new string[32], new HoconValue[32]));
        }

        var (scratchKeys, scratchValues) = _scratch[depth];
        target.UseScratch(scratchKeys, scratchValues);
        HashSet<string>? seenJsonKeys = _json ? new HashSet<string>(StringComparer.Ordinal) : null;
        var first = true;
        while (true)
        {
            var sawNewline = SkipAll();
            if (AtEnd)
            {
                if (braced)
                {
                    throw Error($"end of file inside the object opened at {new HoconOrigin(_source, opened.Line, opened.Column - 1)}: expected '}}'", "add the missing '}'");
                }

                break;
            }

            if (Peek == '}')
            {
                if (!braced)
                {
                    throw Error("unbalanced '}'", "remove the extra '}' or add the matching '{'");
                }

                _pos++;
                break;
            }

            if (_json && !first && !_pendingComma)
            {
                throw Error("expected ',' between JSON fields", "add a comma");
            }

            if (!_json && !first && !_pendingComma && !sawNewline)
            {
                throw Error($"expected ',' or a newline before '{Peek}'", "separate fields with a comma or a newline");
            }

            _pendingComma = false;
            first = false;
            if (!_json && Peek == 'i' && AtInclude())
            {
                ParseInclude(target);
            }
            else
            {
                ParseField(target, seenJsonKeys);
            }

            SkipSpacesAndComments();
            if (Peek == ',')
            {
                _pos++;
                _pendingComma = true;
                if (_json)
                {
                    SkipAll();
                    if (Peek == '}')
                    {
                        throw Error("trailing comma in a JSON object", "remove the comma");
                    }
                }
            }
            else if (!AtEnd && Peek != '\n' && Peek != '}')
            {
                throw Error($"expected ',', a newline or '}}' after a field, not '{Peek}'", "put each field on its own line or separate fields with commas; quote strings that contain special characters");
            }
        }

        _pendingComma = false;
        _scratch[depth] = target.Seal();
        _depth--;
    }

    // Reusable field arrays, one pair per nesting depth: objects at one depth are built one at a time.
    private readonly List<(string[] Keys, HoconValue[] Values)> _scratch = [];

    // A comma was just consumed (so the next field needs no newline before it).
    private bool _pendingComma;

    private void ParseField(HoconObject target, HashSet<string>? seenJsonKeys)
    {
        var keyOrigin = Here;
        if (_json)
        {
            if (Peek != '"')
            {
                throw Error($"JSON keys must be quoted strings, not '{Peek}'", "quote the key, or give the file a .conf extension");
            }

            var name = ReadQuoted();
            if (!seenJsonKeys!.Add(name))
            {
                throw ErrorAt(keyOrigin, $"JSON does not allow duplicate field '{name}'", "remove one of the fields");
            }

            _key.Clear();
            _key.Add(name);
        }
        else
        {
            ReadKey(forSubstitution: false);
        }

        // The key buffer is reused by nested fields: keep the segments before parsing the value.
        var first = _key[0];
        string[]? rest = _key.Count > 1 ? _key.GetRange(1, _key.Count - 1).ToArray() : null;
        var keyLength = _key.Count;
        if (keyLength == 1)
        {
            _path.Add(first);
        }
        else
        {
            _path.AddRange(_key);
        }

        SkipAll();
        HoconValue value;
        var c = Peek;
        if (c == '{' && !_json)
        {
            value = ParseValue();
        }
        else if (c == ':' || (c == '=' && !_json))
        {
            _pos++;
            SkipAll();
            value = ParseValue();
        }
        else if (c == '+' && _pos + 1 < _text.Length && _text[_pos + 1] == '=' && !_json)
        {
            var origin = Here;
            _pos += 2;
            SkipAll();
            var element = ParseValue();
            SubstitutionCount++;
            var self = new HoconSubstitution([.. _path], optional: true, 0, origin);
            value = new HoconConcatenation([self, new HoconArray([element], element.Origin)], origin);
        }
        else
        {
            var shown = AtEnd ? "end of file" : "'" + c + "'";
            throw Error(
                $"expected ':' or '=' after key '{HoconPath.Render([.. _path.GetRange(_path.Count - keyLength, keyLength)])}', found {shown}",
                _json ? "JSON needs 'key': value" : "write key = value (or key { ... } for an object); quote keys that contain special characters");
        }

        if (keyLength == 1)
        {
            _path.RemoveAt(_path.Count - 1);
        }
        else
        {
            _path.RemoveRange(_path.Count - keyLength, keyLength);
        }

        for (var i = (rest?.Length ?? 0) - 1; i >= 0; i--)
        {
            var wrapper = new HoconObject(keyOrigin, 1);
            wrapper.Set(rest![i], value);
            value = wrapper;
        }

        MergeField(target, first, value);
    }

    /// <summary>Adds a field, merging with an earlier definition the HOCON way.</summary>
    internal static void MergeField(HoconObject target, string key, HoconValue value)
    {
        if (target.TryGetValue(key, out var existing))
        {
            target.Set(key, MergeValues(value, existing));
        }
        else
        {
            target.Set(key, value);
        }
    }

    /// <summary>Parse-time merge of a later definition over an earlier one (mutates <paramref name="below"/> objects, which the parser owns).</summary>
    private static HoconValue MergeValues(HoconValue top, HoconValue below)
    {
        if (top is HoconObject topObject)
        {
            if (below is HoconObject belowObject)
            {
                for (var i = 0; i < topObject.Count; i++)
                {
                    MergeField(belowObject, topObject.KeyAt(i), topObject.GetAt(i));
                }

                return belowObject;
            }

            return below.IsResolved ? top : Stack(top, below);
        }

        return top.IsResolved ? top : Stack(top, below);
    }

    internal static HoconDelayedMerge Stack(HoconValue top, HoconValue below)
    {
        var stack = new List<HoconValue> { top };
        if (below is HoconDelayedMerge merge)
        {
            stack.AddRange(merge.Stack);
        }
        else
        {
            stack.Add(below);
        }

        return new HoconDelayedMerge(stack);
    }

    /// <summary>Reads a key or substitution path: unquoted parts split at '.', quoted parts kept whole.</summary>
    private void ReadKey(bool forSubstitution)
    {
        var segments = _key;
        segments.Clear();
        if (TryReadSimpleKey())
        {
            return;
        }

        var start = Here;
        System.Text.StringBuilder? current = null;
        string? single = null;
        var hasContent = false;
        var segmentHasContent = false;

        void Append(string s)
        {
            if (single is null && current is null)
            {
                single = s;
            }
            else
            {
                current ??= new System.Text.StringBuilder(single);
                current.Append(s);
                single = null;
            }
        }

        void EndSegment()
        {
            segments.Add(current?.ToString() ?? single ?? string.Empty);
            current = null;
            single = null;
        }

        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '"')
            {
                if (_pos + 2 < _text.Length && _text[_pos + 1] == '"' && _text[_pos + 2] == '"')
                {
                    throw Error("triple-quoted strings cannot be keys", "use a single-quoted key");
                }

                Append(ReadQuoted());
                hasContent = segmentHasContent = true;
            }
            else if (IsSpace(c))
            {
                var wsStart = _pos;
                SkipSpaces();
                if (_pos < _text.Length && (_text[_pos] == '"' || IsUnquotedStart()))
                {
                    if (forSubstitution)
                    {
                        throw Error("whitespace inside a substitution path", "remove the spaces, or quote the segment");
                    }

                    if (segmentHasContent)
                    {
                        Append(_text[wsStart.._pos]);
                    }
                }
                else
                {
                    break;
                }
            }
            else if (IsUnquotedStart())
            {
                var runStart = _pos;
                while (_pos < _text.Length && IsUnquotedChar(_text[_pos]) && !AtComment())
                {
                    if (_text[_pos] == '.')
                    {
                        if (_pos > runStart)
                        {
                            Append(_text[runStart.._pos]);
                        }

                        if (!segmentHasContent && _pos == runStart)
                        {
                            throw ErrorAt(start, "path has a leading, trailing, or two adjacent periods '.'", "remove the extra '.', or quote a key that contains a period: \"a.b\"");
                        }

                        EndSegment();
                        segmentHasContent = false;
                        _pos++;
                        runStart = _pos;
                        continue;
                    }

                    _pos++;
                    segmentHasContent = true;
                    hasContent = true;
                }

                if (_pos > runStart)
                {
                    Append(_text[runStart.._pos]);
                }
            }
            else
            {
                break;
            }
        }

        if (!hasContent)
        {
            var shown = AtEnd ? "end of file" : "'" + Peek + "'";
            throw Error($"expected a key, found {shown}", forSubstitution ? "write ${path.to.value}" : "start the field with a key (quote it if it has special characters)");
        }

        if (!segmentHasContent)
        {
            throw ErrorAt(start, "path has a leading, trailing, or two adjacent periods '.'", "remove the extra '.', or quote a key that contains a period: \"a.b\"");
        }

        EndSegment();
    }

    /// <summary>
    /// The common case, without allocations for keys seen before: one unquoted run such as
    /// <c>a.b-c.d</c>, not followed by more key text. Returns false (cursor unchanged) otherwise.
    /// </summary>
    private bool TryReadSimpleKey()
    {
        var text = _text;
        var start = _pos;
        var i = UnquotedRunEnd(start);
        if (i == start)
        {
            return false;
        }

        var run = text.AsSpan(start, i - start);
        var firstDot = run.IndexOf('.');
        if (firstDot >= 0 && (run[0] == '.' || run[^1] == '.' || run.Contains("..", StringComparison.Ordinal)))
        {
            return false;
        }

        if (i < text.Length)
        {
            var next = text[i];
            if (next == '"')
            {
                return false;
            }

            if (IsSpace(next))
            {
                var j = i;
                while (j < text.Length && IsSpace(text[j]))
                {
                    j++;
                }

                if (j < text.Length && (text[j] == '"' || (IsUnquotedChar(text[j]) && !(text[j] == '/' && j + 1 < text.Length && text[j + 1] == '/'))))
                {
                    return false;
                }
            }
        }

        var dot = firstDot;
        while (true)
        {
            if (dot < 0)
            {
                _key.Add(Intern(run));
                break;
            }

            _key.Add(Intern(run[..dot]));
            run = run[(dot + 1)..];
            dot = run.IndexOf('.');
        }

        _pos = i;
        return true;
    }

    private bool IsUnquotedStart()
        => _pos < _text.Length && IsUnquotedChar(_text[_pos]) && !AtComment();

    private static bool IsUnquotedChar(char c) => c != '\n' && !IsSpace(c) && !IsForbidden(c);
}
