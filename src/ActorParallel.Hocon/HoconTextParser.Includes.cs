namespace ActorParallel.Configuration;

internal sealed partial class HoconTextParser
{
    /// <summary>True at the include keyword: an unquoted <c>include</c> followed by whitespace.</summary>
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

        // As in Lightbend, an unquoted "include" followed by whitespace is always the keyword
        // (write "include" in quotes for a field of that name).
        return true;
    }

    private void ParseInclude(HoconObject target)
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
            throw Error(
                kind == IncludeKind.Plain && !required
                    ? $"the include keyword must be followed by a quoted file name, not '{(AtEnd ? "end of file" : Peek)}'"
                    : "include needs a quoted file name", "write include \"name.conf\", include file(\"name.conf\") or include required(\"name.conf\"); for a field named include, quote the key: \"include\" = ...");
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

        var included = _includes.Include(new IncludeRequest(kind, name, required, CurrentPath(), origin, _directory));
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
