using System.Text.RegularExpressions;

namespace ActorParallel.TestKit.Internal;

/// <summary>How an EventFilter compares a log message: equal, starts with, contains, or a regex.</summary>
public sealed class StringMatcher
{
    private readonly Func<string, bool> _isMatch;
    private readonly string _description;

    private StringMatcher(Func<string, bool> isMatch, string description)
    {
        _isMatch = isMatch;
        _description = description;
    }

    public static StringMatcher Equal(string text) => new(s => string.Equals(s, text, StringComparison.Ordinal), $"== \"{text}\"");

    public static StringMatcher StartsWith(string text) => new(s => s.StartsWith(text, StringComparison.Ordinal), $"starting with \"{text}\"");

    public static StringMatcher Contains(string text) => new(s => s.Contains(text, StringComparison.Ordinal), $"containing \"{text}\"");

    public static StringMatcher Regex(Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new(pattern.IsMatch, $"matching /{pattern}/");
    }

    /// <summary>The matcher for EventFilterFactory's arguments: message wins over start, start over contains; null if none.</summary>
    public static StringMatcher? Create(string? message, string? start, string? contains) =>
        message is not null ? Equal(message)
        : start is not null ? StartsWith(start)
        : contains is not null ? Contains(contains)
        : null;

    public bool IsMatch(string? text) => text is not null && _isMatch(text);

    public override string ToString() => _description;
}
