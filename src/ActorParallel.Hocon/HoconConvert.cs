using System.Globalization;

namespace ActorParallel.Configuration;

/// <summary>Typed reads of resolved values, with errors that name the path, the origin and the expected type.</summary>
internal static class HoconConvert
{
    public static HoconConfigException WrongType(HoconValue value, string? path, string expected, string? fix = null)
    {
        var where = path is null ? $"{value.Origin}" : $"path '{path}' ({value.Origin})";
        return new HoconConfigException(
            $"{where}: expected {expected} but found {HoconValue.Describe(value)}. Fix: {fix ?? "set it to " + expected}.",
            value.Origin,
            path);
    }

    public static HoconObject ToObject(HoconValue value, string? path)
        => value as HoconObject ?? throw WrongType(value, path, "an object", "write the value as { key = value }");

    public static HoconArray ToArray(HoconValue value, string? path)
    {
        if (value is HoconArray array)
        {
            return array;
        }

        // Lightbend reads an object with numeric keys ({ "0" = a, "1" = b }) as a list.
        if (value is HoconObject obj && obj.Count > 0)
        {
            var indexed = new List<KeyValuePair<int, HoconValue>>();
            foreach (var (key, item) in obj.Items)
            {
                if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    indexed.Add(new KeyValuePair<int, HoconValue>(index, item));
                }
            }

            if (indexed.Count > 0)
            {
                indexed.Sort((a, b) => a.Key.CompareTo(b.Key));
                return new HoconArray(indexed.Select(p => p.Value).ToList(), obj.Origin);
            }
        }

        throw WrongType(value, path, "an array", "write the value as [a, b, c]");
    }

    public static string? ToStringValue(HoconValue value, string? path) => value switch
    {
        HoconLiteral { Type: HoconValueType.Null } => null,
        HoconLiteral l => l.Value,
        _ => throw WrongType(value, path, "a string", "quote the text, or read it with GetConfig/GetStringList"),
    };

    public static string ToStringNonNull(HoconValue value, string? path)
        => ToStringValue(value, path) ?? throw WrongType(value, path, "a string");

    public static long ToLong(HoconValue value, string? path)
    {
        if (value is HoconLiteral { Type: HoconValueType.Number or HoconValueType.String } l)
        {
            if (long.TryParse(l.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            if (double.TryParse(l.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                && d >= long.MinValue && d < 9.2233720368547758E18)
            {
                return (long)d;
            }
        }

        throw WrongType(value, path, "a whole number", "write a number such as 42");
    }

    public static int ToInt(HoconValue value, string? path)
    {
        var n = ToLong(value, path);
        if (n is < int.MinValue or > int.MaxValue)
        {
            throw WrongType(value, path, "a 32-bit integer", "use a value between -2147483648 and 2147483647");
        }

        return (int)n;
    }

    public static double ToDouble(HoconValue value, string? path)
    {
        if (value is HoconLiteral { Type: HoconValueType.Number or HoconValueType.String } l
            && double.TryParse(l.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        throw WrongType(value, path, "a number", "write a number such as 0.5");
    }

    public static bool ToBoolean(HoconValue value, string? path)
    {
        if (value is HoconLiteral { Type: HoconValueType.Boolean or HoconValueType.String } l)
        {
            switch (l.Value)
            {
                case "true" or "yes" or "on":
                    return true;
                case "false" or "no" or "off":
                    return false;
            }
        }

        throw WrongType(value, path, "a boolean", "use true/false, yes/no or on/off");
    }

    public static TimeSpan ToTimeSpan(HoconValue value, string? path, bool allowInfinite)
    {
        if (value is HoconLiteral { Type: HoconValueType.Number } number)
        {
            return HoconUnits.FromMilliseconds(number.DoubleValue)
                ?? throw WrongType(value, path, "a duration", "use a smaller duration");
        }

        if (value is HoconLiteral { Type: HoconValueType.String } s)
        {
            var text = s.Value.Trim();
            if (text is "infinite")
            {
                if (allowInfinite)
                {
                    return Timeout.InfiniteTimeSpan;
                }

                throw WrongType(value, path, "a finite duration", "give a duration such as 10s (infinite is not allowed here)");
            }

            if (HoconUnits.TryParseDuration(text, out var duration))
            {
                return duration;
            }
        }

        throw WrongType(value, path, "a duration", "write a number with a unit: ns, us, ms, s, m, h or d (for example 500ms or 10 s)" + (allowInfinite ? ", or infinite" : string.Empty));
    }

    public static long? ToByteSize(HoconValue value, string? path)
    {
        if (value is HoconLiteral { Type: HoconValueType.Number or HoconValueType.String } l
            && HoconUnits.TryParseByteSize(l.Value.Trim(), out var bytes))
        {
            return bytes;
        }

        throw WrongType(value, path, "a size in bytes", "write a number with an optional unit, for example 512, 10kB, 64 MiB or 1g");
    }

    public static IList<T> ToList<T>(HoconValue value, string? path, Func<HoconValue, string?, T> convert)
    {
        var array = ToArray(value, path);
        var result = new List<T>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            result.Add(convert(array[i], path is null ? null : path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
        }

        return result;
    }
}
