using System.Runtime.CompilerServices;

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
            _scratch.Add(new HoconObject.Field[32]);
        }

        target.UseScratch(_scratch[depth]);
        HashSet<string>? seenJsonKeys = _json ? new HashSet<string>(StringComparer.Ordinal) : null;

        // A one-word Bloom filter of the keys defined so far in this object: a key whose bit is not
        // set is certainly new, so it is appended without searching the fields (most keys are new,
        // and the linear search was ~3% of a parse). Includes merge behind our back: all bits then.
        ulong keyBits = 0;
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
                keyBits = ulong.MaxValue;
            }
            else
            {
                ParseField(target, seenJsonKeys, ref keyBits);
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
    private readonly List<HoconObject.Field[]> _scratch = [];

    // A comma was just consumed (so the next field needs no newline before it).
    private bool _pendingComma;

    private void ParseField(HoconObject target, HashSet<string>? seenJsonKeys, ref ulong keyBits)
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

        // The key buffer is reused by nested fields: keep the segments on the path before parsing
        // the value (nested fields push and pop above them, so they are still there afterwards;
        // this saved copying the rest of a dotted key into an array of its own).
        var first = _key[0];
        var keyLength = _key.Count;
        PushPath(keyLength);
        var keyStart = _pathCount - keyLength;

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
            var self = new HoconSubstitution(CurrentPath(), optional: true, 0, origin);
            value = new HoconConcatenation([self, new HoconArray([element], element.Origin)], origin);
        }
        else
        {
            var shown = AtEnd ? "end of file" : "'" + c + "'";
            throw Error(
                $"expected ':' or '=' after key '{HoconPath.Render(_path.AsSpan(_pathCount - keyLength, keyLength).ToArray())}', found {shown}",
                _json ? "JSON needs 'key': value" : "write key = value (or key { ... } for an object); quote keys that contain special characters");
        }

        for (var i = _pathCount - 1; i > keyStart; i--)
        {
            var wrapper = new HoconObject(keyOrigin, 1);
            wrapper.Add(_path[i], value);
            value = wrapper;
        }

        _pathCount = keyStart;

        var bit = KeyBit(first);
        if ((keyBits & bit) == 0)
        {
            keyBits |= bit;
            target.Add(first, value);
        }
        else
        {
            MergeField(target, first, value);
        }
    }

    /// <summary>The filter bit of a key: a cheap hash of its length and a few characters.</summary>
    private static ulong KeyBit(string key)
    {
        var n = key.Length;
        var hash = n == 0 ? 0 : (n * 7) + key[n - 1] + (key[n / 2] * 3) + (key[(n - 1) / 3] * 5);
        return 1UL << (hash & 63);
    }

    /// <summary>Adds a field, merging with an earlier definition the HOCON way.</summary>
    internal static void MergeField(HoconObject target, string key, HoconValue value)
    {
        // One search: the field is usually new, and Set would search again.
        var i = target.IndexOf(key);
        if (i >= 0)
        {
            target.Set(key, MergeValues(value, target.GetAt(i)));
        }
        else
        {
            target.Add(key, value);
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
        _key.Clear();
        if (!TryReadSimpleKey())
        {
            ReadComplexKey(forSubstitution);
        }
    }

    /// <summary>
    /// The general case of <see cref="ReadKey"/>: quoted parts, whitespace, errors. Kept out of line
    /// because its closure locals made every key (nearly all simple) pay for a large stack frame.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReadComplexKey(bool forSubstitution)
    {
        var segments = _key;
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
        // One pass finds both the end of the run and its periods (a separate IndexOf per key, and
        // another to check for "..", cost more than the scan on keys this short).
        var text = _text;
        var table = UnquotedTable;
        var start = _pos;
        var i = start;
        var firstDot = -1;
        var lastDot = -2;
        while ((uint)i < (uint)text.Length)
        {
            var ch = text[i];
            if (ch < 128)
            {
                if (table[ch] == 0 || (ch == '/' && i + 1 < text.Length && text[i + 1] == '/'))
                {
                    break;
                }

                if (ch == '.')
                {
                    // A leading or doubled period is an error ReadComplexKey reports.
                    if (i == start || i == lastDot + 1)
                    {
                        return false;
                    }

                    if (firstDot < 0)
                    {
                        firstDot = i - start;
                    }

                    lastDot = i;
                }
            }
            else if (IsSpace(ch))
            {
                break;
            }

            i++;
        }

        if (i == start || lastDot == i - 1)
        {
            return false;
        }

        var run = text.AsSpan(start, i - start);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsUnquotedChar(char c) => c < 128 ? UnquotedTable[c] != 0 : !IsSpace(c);
}
