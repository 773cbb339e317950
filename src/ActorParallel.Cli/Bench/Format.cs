using System.Globalization;

namespace ActorParallel.Cli.Bench;

/// <summary>Number formatting for the report: SI prefixes for rates, fixed decimals elsewhere, invariant culture.</summary>
public static class Format
{
    /// <summary>1234567 as "1.23 M"; values under a thousand keep three significant digits.</summary>
    public static string Si(double value)
    {
        var abs = Math.Abs(value);
        return abs switch
        {
            >= 1e9 => Fixed(value / 1e9) + " G",
            >= 1e6 => Fixed(value / 1e6) + " M",
            >= 1e3 => Fixed(value / 1e3) + " K",
            _ => Fixed(value),
        };
    }

    /// <summary>Three significant digits, at most three decimals.</summary>
    public static string Fixed(double value)
    {
        var abs = Math.Abs(value);
        var format = abs >= 100 ? "F0" : abs >= 10 ? "F1" : abs >= 1 ? "F2" : "F3";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>A value with its unit; rates get SI prefixes.</summary>
    public static string Value(double value, string unit) =>
        unit.EndsWith("/s", StringComparison.Ordinal) ? Si(value) + " " + unit : Fixed(value) + " " + unit;
}
