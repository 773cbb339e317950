using System.Globalization;

namespace ActorParallel.Configuration;

/// <summary>A scalar: string, number, boolean or null. <see cref="Value"/> keeps the source text of numbers.</summary>
public sealed class HoconLiteral : HoconValue
{
    public HoconLiteral(string value, HoconValueType type = HoconValueType.String)
        : this(value, type, default)
    {
    }

    internal HoconLiteral(string value, HoconValueType type, HoconOrigin origin)
        : base(origin, type)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (type is HoconValueType.Object or HoconValueType.Array)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "a literal is a string, number, boolean or null");
        }

        Value = value;
    }

    /// <summary>The text of the literal: the string itself, the number as written, "true"/"false", or "null".</summary>
    public string Value { get; }

    public override HoconValueType Type => LiteralType;

    public override bool IsEmpty => LiteralType == HoconValueType.Null;

    internal static HoconLiteral Null(HoconOrigin origin) => new("null", HoconValueType.Null, origin);

    /// <summary>The number as a 64-bit integer when it is whole (1, 1.0, 1e3), else null.</summary>
    internal long? WholeValue
    {
        get
        {
            if (LiteralType != HoconValueType.Number)
            {
                return null;
            }

            if (long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                return l;
            }

            var d = DoubleValue;
            return d >= long.MinValue && d < 9.2233720368547758E18 && Math.Floor(d) == d ? (long)d : null;
        }
    }

    internal double DoubleValue
        => double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;

    public override bool Equals(object? obj)
    {
        if (obj is not HoconLiteral other || other.LiteralType != LiteralType)
        {
            return false;
        }

        if (LiteralType != HoconValueType.Number)
        {
            return string.Equals(Value, other.Value, StringComparison.Ordinal);
        }

        var a = WholeValue;
        var b = other.WholeValue;
        if (a.HasValue || b.HasValue)
        {
            return a == b;
        }

        return DoubleValue.Equals(other.DoubleValue);
    }

    public override int GetHashCode()
    {
        if (LiteralType != HoconValueType.Number)
        {
            return HashCode.Combine(LiteralType, StringComparer.Ordinal.GetHashCode(Value));
        }

        var whole = WholeValue;
        return whole.HasValue ? whole.Value.GetHashCode() : DoubleValue.GetHashCode();
    }
}
