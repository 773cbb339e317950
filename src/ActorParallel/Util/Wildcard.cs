namespace ActorParallel;

/// <summary>Glob matching of one path element: <c>*</c> any run of characters, <c>?</c> one character.</summary>
internal static class Wildcard
{
    public static bool Matches(string pattern, string text) => Matches(pattern.AsSpan(), text.AsSpan());

    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        while (pattern.Length > 0)
        {
            switch (pattern[0])
            {
                case '*':
                    pattern = pattern[1..];
                    if (pattern.Length == 0)
                    {
                        return true;
                    }

                    for (var i = 0; i <= text.Length; i++)
                    {
                        if (Matches(pattern, text[i..]))
                        {
                            return true;
                        }
                    }

                    return false;
                case '?':
                    if (text.Length == 0)
                    {
                        return false;
                    }

                    break;
                default:
                    if (text.Length == 0 || text[0] != pattern[0])
                    {
                        return false;
                    }

                    break;
            }

            pattern = pattern[1..];
            text = text[1..];
        }

        return text.Length == 0;
    }
}
