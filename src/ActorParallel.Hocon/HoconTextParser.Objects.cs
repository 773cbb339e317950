namespace ActorParallel.Configuration;

internal sealed partial class HoconTextParser
{
    /// <summary>Parses fields into <paramref name="target"/> until '}' (braced) or the end of the text.</summary>
    private void ParseObjectBody(HoconObject target, string[] path, bool braced)
    {
        var opened = Here;
        Enter();
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
            if (!_json && AtInclude())
            {
                ParseInclude(target, path);
            }
            else
            {
                ParseField(target, path, seenJsonKeys);
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
        _depth--;
    }

    // A comma was just consumed (so the next field needs no newline before it).
    private bool _pendingComma;

    private void ParseField(HoconObject target, string[] path, HashSet<string>? seenJsonKeys)
    {
        var keyOrigin = Here;
        string[] key;
        if (_json)
        {
            if (Peek != '"')
            {
                throw Error($"JSON keys must be quoted strings, not '{Peek}'", "quote the key, or give the file a .conf extension");
            }

            key = [ReadQuoted()];
            if (!seenJsonKeys!.Add(key[0]))
            {
                throw ErrorAt(keyOrigin, $"JSON does not allow duplicate field '{key[0]}'", "remove one of the fields");
            }
        }
        else
        {
            key = ReadKey(forSubstitution: false);
        }

        SkipAll();
        var fullPath = Append(path, key);
        HoconValue value;
        var c = Peek;
        if (c == '{' && !_json)
        {
            value = ParseValue(fullPath);
        }
        else if (c == ':' || (c == '=' && !_json))
        {
            _pos++;
            SkipAll();
            value = ParseValue(fullPath);
        }
        else if (c == '+' && _pos + 1 < _text.Length && _text[_pos + 1] == '=' && !_json)
        {
            var origin = Here;
            _pos += 2;
            SkipAll();
            var element = ParseValue(fullPath);
            SubstitutionCount++;
            var self = new HoconSubstitution(fullPath, optional: true, 0, origin);
            value = new HoconConcatenation([self, new HoconArray([element], element.Origin)], origin);
        }
        else
        {
            var shown = AtEnd ? "end of file" : "'" + c + "'";
            throw Error(
                $"expected ':' or '=' after key '{HoconPath.Render(key)}', found {shown}",
                _json ? "JSON needs 'key': value" : "write key = value (or key { ... } for an object); quote keys that contain special characters");
        }

        for (var i = key.Length - 1; i > 0; i--)
        {
            var wrapper = new HoconObject(keyOrigin, 1);
            wrapper.Set(key[i], value);
            value = wrapper;
        }

        MergeField(target, key[0], value);
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
    private string[] ReadKey(bool forSubstitution)
    {
        var start = Here;
        var segments = new List<string>(4);
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
        return [.. segments];
    }

    private bool IsUnquotedStart()
        => _pos < _text.Length && IsUnquotedChar(_text[_pos]) && !AtComment();

    private static bool IsUnquotedChar(char c) => c != '\n' && !IsSpace(c) && !IsForbidden(c);
}
