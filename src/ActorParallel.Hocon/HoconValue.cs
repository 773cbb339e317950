using System.Globalization;

namespace ActorParallel.Configuration;

/// <summary>
/// A node of a HOCON tree: an object, an array or a literal (string, number, boolean, null).
/// Trees reached through <see cref="HoconConfig"/> are always resolved; the typed accessors convert the
/// way Lightbend's getters do (numbers from numeric strings, booleans from yes/no/on/off...).
/// </summary>
public abstract class HoconValue
{
    // Line and column packed into one int when they fit (nearly always): with the literal type
    // below, that keeps the base at 16 bytes and a HoconLiteral, the most numerous node, at 40 bytes
    // instead of 48 (a parse allocates little else than the tree, so its size is its cost).
    private const int ColumnBits = 11;
    private const int MaxPackedLine = (1 << (31 - ColumnBits)) - 1;
    private const int MaxPackedColumn = (1 << ColumnBits) - 1;

    // The source name (string or null), or an OriginBox for a position that does not fit _position.
    private readonly object? _where;
    private readonly int _position;

    private protected HoconValue(HoconOrigin origin, HoconValueType literalType = HoconValueType.Null, bool needsResolution = false)
    {
        if ((uint)origin.Line <= MaxPackedLine && (uint)origin.Column <= MaxPackedColumn)
        {
            _where = origin.Source;
            _position = (origin.Line << ColumnBits) | origin.Column;
        }
        else
        {
            _where = new OriginBox(origin);
        }

        _literalType = (byte)literalType;
        _needsResolution = needsResolution;
    }

    /// <summary>Where this value was defined.</summary>
    public HoconOrigin Origin
        => _where is OriginBox box ? box.Origin : new HoconOrigin((string?)_where, _position >> ColumnBits, _position & MaxPackedColumn);

    /// <summary>The type of a <see cref="HoconLiteral"/> (stored here, where it costs no extra bytes); unused by other nodes.</summary>
    private protected HoconValueType LiteralType => (HoconValueType)_literalType;

    // A byte and a bool share the four bytes the enum took, so the base stays at 16 bytes.
    private readonly byte _literalType;
    private bool _needsResolution;

    /// <summary>The kind of this value.</summary>
    public abstract HoconValueType Type { get; }

    internal virtual bool IsResolved => true;

    /// <summary>True for unresolved nodes and for containers holding one anywhere below (lets the resolver skip clean sub-trees).</summary>
    internal bool NeedsResolution
    {
        // A field rather than a virtual property: the parser asks it for every field it adds and
        // the resolver for every child it walks. Only containers set it (after construction).
        get => _needsResolution;
        set => _needsResolution = value;
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

    /// <summary>An origin too far into its source to pack (a line past a million, a column past 2047).</summary>
    private sealed class OriginBox(HoconOrigin origin)
    {
        public HoconOrigin Origin { get; } = origin;
    }
}
