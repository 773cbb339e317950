using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ActorParallel.Cli.Commands;

/// <summary>
/// Whole-number options that accept what people type for sizes: <c>1000000</c>, <c>1_000_000</c> and <c>1e6</c>.
/// A value that is not one gets a parse error naming the option and what is accepted, never a .NET type name.
/// Ranges are checked where the value is used (the lab's options), so a configuration file gets the same checks.
/// </summary>
internal static class NumberOptions
{
    public const string Accepted = "write for example 4, 1000000, 1_000_000 or 1e6";

    public static Option<long?> Long(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description, CustomParser = r => Parse(r, name, long.MinValue, long.MaxValue) };

    public static Option<int?> Int(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description, CustomParser = r => (int?)Parse(r, name, int.MinValue, int.MaxValue) };

    /// <summary>An int option with a default (shown in help).</summary>
    public static Option<int> Int(string name, string description, int defaultValue, params string[] aliases) =>
        new(name, aliases)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => (int)(Parse(r, name, int.MinValue, int.MaxValue) ?? defaultValue),
        };

    /// <summary>Parses <paramref name="text"/> as a whole number: digits with optional <c>_</c> or <c>,</c> separators, or <c>1e6</c> notation.</summary>
    public static bool TryParse(string text, out long value)
    {
        value = 0;
        var cleaned = text.Trim().Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (cleaned.Length == 0)
            return false;
        if (long.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            return true;

        // 1e6, 2.5e3: exact decimal arithmetic, so 1e6 is 1000000 and 1.5e0 is refused rather than rounded.
        if (!decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d)
            || d != decimal.Truncate(d) || d < long.MinValue || d > long.MaxValue)
            return false;
        value = (long)d;
        return true;
    }

    private static long? Parse(ArgumentResult result, string name, long min, long max)
    {
        if (result.Tokens.Count == 0)
            return null;
        var text = result.Tokens[0].Value;
        if (!TryParse(text, out var value))
        {
            result.AddError($"{name} '{text}' is not a whole number; {Accepted}");
            return null;
        }

        if (value < min || value > max)
        {
            result.AddError($"{name} '{text}' is out of range; it must be between {min} and {max}");
            return null;
        }

        return value;
    }
}
