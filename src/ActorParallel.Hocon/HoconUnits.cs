using System.Globalization;

namespace ActorParallel.Configuration;

/// <summary>Duration and byte-size units as the HOCON spec lists them.</summary>
internal static class HoconUnits
{
    // Durations are read by every actor system at start (ask-timeout, creation-timeout, ...), so their units are a
    // switch: a Dictionary<string, decimal> is a generic instantiation the runtime does not ship precompiled, and
    // JIT-compiling it was a measurable part of a cold start. Sizes are rarer; their table is built on first use.

    public static TimeSpan? FromMilliseconds(double ms)
    {
        var ticks = ms * TimeSpan.TicksPerMillisecond;
        return double.IsFinite(ticks) && Math.Abs(ticks) < long.MaxValue ? TimeSpan.FromTicks((long)ticks) : null;
    }

    public static bool TryParseDuration(string text, out TimeSpan result)
    {
        result = default;
        if (!Split(text, out var number, out var unit))
        {
            return false;
        }

        decimal nanosPerUnit;
        if (unit.Length == 0)
        {
            nanosPerUnit = 1_000_000;
        }
        else if (!TryGetDurationNanos(unit, out nanosPerUnit))
        {
            return false;
        }

        // Whole numbers go through integer arithmetic so large values stay exact.
        if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            var nanos = whole * nanosPerUnit;
            var ticksExact = nanos / 100m;
            if (Math.Abs(ticksExact) >= long.MaxValue)
            {
                return false;
            }

            result = TimeSpan.FromTicks((long)ticksExact);
            return true;
        }

        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var ticks = value * (double)nanosPerUnit / 100.0;
        if (!double.IsFinite(ticks) || Math.Abs(ticks) >= long.MaxValue)
        {
            return false;
        }

        result = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    public static bool TryParseByteSize(string text, out long bytes)
    {
        bytes = 0;
        if (!Split(text, out var number, out var unit))
        {
            return false;
        }

        decimal factor = 1;
        if (unit.Length > 0 && !Sizes.Bytes.TryGetValue(unit, out factor))
        {
            return false;
        }

        if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            var exact = whole * factor;
            if (Math.Abs(exact) > long.MaxValue)
            {
                return false;
            }

            bytes = (long)exact;
            return true;
        }

        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var result = value * (double)factor;
        if (!double.IsFinite(result) || Math.Abs(result) >= long.MaxValue)
        {
            return false;
        }

        bytes = (long)result;
        return true;
    }

    /// <summary>Splits "10 ms" into "10" and "ms": the unit is the trailing run of letters.</summary>
    private static bool Split(string text, out string number, out string unit)
    {
        var end = text.Length;
        var i = end;
        while (i > 0 && char.IsLetter(text[i - 1]))
        {
            i--;
        }

        unit = text[i..end];
        number = text[..i].Trim();
        return number.Length > 0;
    }

    /// <summary>Nanoseconds per duration unit; false for an unknown unit.</summary>
    private static bool TryGetDurationNanos(string unit, out decimal nanos)
    {
        nanos = unit switch
        {
            "ns" or "nano" or "nanos" or "nanosecond" or "nanoseconds" => 1,
            "us" or "micro" or "micros" or "microsecond" or "microseconds" => 1_000,
            "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => 1_000_000,
            "s" or "second" or "seconds" => 1_000_000_000,
            "m" or "minute" or "minutes" => 60_000_000_000m,
            "h" or "hour" or "hours" => 3_600_000_000_000m,
            "d" or "day" or "days" => 86_400_000_000_000m,
            _ => 0,
        };
        return nanos != 0;
    }

    /// <summary>The byte-size table, built when a size is first parsed (a holder class: its static is initialised on first access).</summary>
    private static class Sizes
    {
        public static readonly Dictionary<string, decimal> Bytes = BuildSizes();
    }

    private static Dictionary<string, decimal> BuildSizes()
    {
        var map = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal bytes, params string[] names)
        {
            foreach (var name in names)
            {
                map[name] = bytes;
            }
        }

        Add(1, "B", "b", "byte", "bytes");
        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        string[] letters = ["K", "M", "G", "T", "P", "E", "Z", "Y"];
        for (var i = 0; i < letters.Length; i++)
        {
            var power = i + 1;
            var letter = letters[i];
            var lower = letter.ToLowerInvariant();
            decimal dec = 1, bin = 1;
            for (var p = 0; p < power; p++)
            {
                dec *= 1000;
                bin *= 1024;
            }

            Add(dec, (i == 0 ? "kB" : letter + "B"), decimalNames[i] + "byte", decimalNames[i] + "bytes");
            Add(bin, letter, lower, letter + "i", letter + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes");
        }

        return map;
    }
}
