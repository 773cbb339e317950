using System.Globalization;

namespace ActorParallel.Configuration;

/// <summary>
/// A node of a HOCON tree: an object, an array or a literal (string, number, boolean, null).
/// Trees reached through <see cref="Config"/> are always resolved; the typed accessors convert the
/// way Lightbend's getters do (numbers from numeric strings, booleans from yes/no/on/off...).
/// </summary>
public abstract class HoconValue
{
    private protected HoconValue(HoconOrigin origin) => Origin = origin;

    /// <summary>Where this value was defined.</summary>
    public HoconOrigin Origin { get; }

    /// <summary>The kind of this value.</summary>
    public abstract HoconValueType Type { get; }

    internal virtual bool IsResolved => true;

    /// <summary>True for unresolved nodes and for containers holding one anywhere below (lets the resolver skip clean sub-trees).</summary>
    internal virtual bool NeedsResolution
    {
        get => false;
        set => throw new InvalidOperationException("only containers track unresolved children");
    }

    public bool IsObject() => Type == HoconValueType.Object;

    public bool IsArray() => Type == HoconValueType.Array;

    /// <summary>True for any scalar that reads as a string: strings, numbers and booleans (as in Akka.NET).</summary>
    public bool IsString() => Type is HoconValueType.String or HoconValueType.Number or HoconValueType.Boolean;

    /// <summary>True for <c>null</c>, an empty object or an empty array.</summary>
    public virtual bool IsEmpty => false;

    public HoconObject GetObject() => HoconConvert.ToObject(this, null);

    public IList<HoconValue> GetArray() => HoconConvert.ToArray(this, null).Items.ToList();

    public string? GetString() => HoconConvert.ToStringValue(this, null);

    public int GetInt() => HoconConvert.ToInt(this, null);

    public long GetLong() => HoconConvert.ToLong(this, null);

    public double GetDouble() => HoconConvert.ToDouble(this, null);

    public bool GetBoolean() => HoconConvert.ToBoolean(this, null);

    public TimeSpan GetTimeSpan(bool allowInfinite = true) => HoconConvert.ToTimeSpan(this, null, allowInfinite);

    public long? GetByteSize() => HoconConvert.ToByteSize(this, null);

    public IList<string> GetStringList() => HoconConvert.ToList(this, null, HoconConvert.ToStringNonNull);

    /// <summary>Renders this value as HOCON that parses back to an equal value.</summary>
    public override string ToString() => HoconRenderer.Render(this);

    internal static string Describe(HoconValue value) => value switch
    {
        HoconLiteral l when l.Type == HoconValueType.String => "string '" + Truncate(l.Value) + "'",
        HoconLiteral l => l.Type.ToString().ToLowerInvariant() + " " + l.Value,
        _ => value.Type.ToString().ToLowerInvariant(),
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 40), "...");

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
