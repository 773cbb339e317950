namespace ActorParallel.Configuration;

internal sealed partial class HoconTextParser
{
    /// <summary>True at <c>include "x"</c> or <c>include file(...)</c> etc. (<c>include = 1</c> is an ordinary key).</summary>
    private bool AtInclude()
    {
        if (string.CompareOrdinal(_text, _pos, "include", 0, 7) != 0)
        {
            return false;
        }

        var i = _pos + 7;
        if (i >= _text.Length || !IsSpace(_text[i]))
        {
            return false;
        }

        while (i < _text.Length && IsSpace(_text[i]))
        {
            i++;
        }

        if (i >= _text.Length)
        {
            return false;
        }

        var rest = _text.AsSpan(i);
        return rest[0] == '"'
            || rest.StartsWith("file(", StringComparison.Ordinal)
            || rest.StartsWith("url(", StringComparison.Ordinal)
            || rest.StartsWith("classpath(", StringComparison.Ordinal)
            || rest.StartsWith("required(", StringComparison.Ordinal);
    }

    private void ParseInclude(HoconObject target, string[] path)
    {
        var origin = Here;
        _pos += 7;
        SkipSpaces();
        var required = false;
        var closers = 0;
        if (TryConsume("required("))
        {
            required = true;
            closers++;
            SkipSpaces();
        }

        var kind = IncludeKind.Plain;
        if (TryConsume("file("))
        {
            kind = IncludeKind.File;
        }
        else if (TryConsume("url("))
        {
            kind = IncludeKind.Url;
        }
        else if (TryConsume("classpath("))
        {
            kind = IncludeKind.Classpath;
        }

        if (kind != IncludeKind.Plain)
        {
            closers++;
            SkipSpaces();
        }

        if (Peek != '"')
        {
            throw Error("include needs a quoted file name", "write include \"name.conf\", include file(\"name.conf\") or include required(\"name.conf\")");
        }

        var name = ReadQuoted();
        for (var i = 0; i < closers; i++)
        {
            SkipSpaces();
            if (Peek != ')')
            {
                throw Error("expected ')' to close the include", "write include required(file(\"name.conf\")) with balanced parentheses");
            }

            _pos++;
        }

        var included = _includes.Include(new IncludeRequest(kind, name, required, path, origin, _directory));
        SubstitutionCount += included.Substitutions;
        if (included.Value is { } obj)
        {
            for (var i = 0; i < obj.Count; i++)
            {
                MergeField(target, obj.KeyAt(i), obj.GetAt(i));
            }
        }
    }

    private bool TryConsume(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0)
        {
            _pos += word.Length;
            return true;
        }

        return false;
    }
}
