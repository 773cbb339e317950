namespace ActorParallel.Configuration;

/// <summary>
/// A resolved configuration with an optional fallback chain (<see cref="WithFallback"/>). Getters take
/// HOCON path expressions (<c>a.b."/workers".router</c>); a missing path (or a <c>null</c> value) gives
/// the default, a value of the wrong type throws <see cref="HoconConfigException"/> naming the path,
/// the origin (file:line:column) and the expected type. Instances are immutable.
/// </summary>
public partial class HoconConfig
{
    private readonly HoconObject _own;
    private HoconObject? _merged;

    public HoconConfig(HoconRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _own = root.Value as HoconObject
            ?? throw new HoconConfigException($"{root.Value.Origin}: the root of a configuration must be an object. Fix: wrap the value in {{ }}.");
        if (!IsFullyResolved(_own))
        {
            _own = HoconResolver.Resolve(Relativize.Object(_own, []), useEnvironment: true, hasSubstitutions: true);
        }
    }

    public HoconConfig(HoconConfig source, HoconConfig fallback)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fallback);
        _own = source._own;
        Fallback = source.Fallback is null ? fallback : source.Fallback.WithFallback(fallback);
    }

    internal HoconConfig(HoconObject resolvedRoot, HoconConfig? fallback)
    {
        _own = resolvedRoot;
        Fallback = fallback;
    }

    /// <summary>An empty configuration.</summary>
    public static HoconConfig Empty { get; } = new(new HoconObject(), null);

    /// <summary>The configuration this one falls back to for paths it does not define, if any.</summary>
    public HoconConfig? Fallback { get; }

    /// <summary>The root object with every fallback merged in.</summary>
    public HoconValue Root => Merged;

    /// <summary>True when neither this configuration nor its fallbacks define anything.</summary>
    public bool IsEmpty => Merged.Count == 0;

    private HoconObject Merged => _merged ??= Fallback is null ? _own : MergeResolved(_own, Fallback.Merged);

    public static implicit operator HoconConfig(string hocon) => HoconConfigFactory.ParseString(hocon);

    /// <summary><c>config + "fallback hocon"</c>: the string is the fallback.</summary>
    public static HoconConfig operator +(HoconConfig configuration, string fallback)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.WithFallback(HoconConfigFactory.ParseString(fallback));
    }

    /// <summary><c>"hocon" + config</c>: the config is the fallback.</summary>
    public static HoconConfig operator +(string configuration, HoconConfig fallback)
        => HoconConfigFactory.ParseString(configuration).WithFallback(fallback);

    /// <summary>Returns a configuration that reads this one first and <paramref name="fallback"/> for what this one lacks (objects merge).</summary>
    public HoconConfig WithFallback(HoconConfig fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (ReferenceEquals(fallback, this))
        {
            throw new ArgumentException("a configuration cannot be its own fallback", nameof(fallback));
        }

        if (fallback.IsEmpty)
        {
            return this;
        }

        return new HoconConfig(_own, Fallback is null ? fallback : Fallback.WithFallback(fallback));
    }

    /// <summary>The root object's fields, fallbacks merged, in definition order.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> AsEnumerable() => Merged.Items;

    /// <summary>Renders this configuration (without fallbacks) as HOCON.</summary>
    public override string ToString() => ToString(false);

    /// <summary>Renders this configuration as HOCON, with its fallbacks merged in when asked.</summary>
    public string ToString(bool includeFallback) => HoconRenderer.Render(includeFallback ? Merged : _own);

    /// <summary>Renders the merged configuration as JSON (see <see cref="JsonRenderer"/>).</summary>
    public string ToJson(bool indented = true) => JsonRenderer.Render(Merged, indented);

    private static bool IsFullyResolved(HoconValue value) => value switch
    {
        HoconObject obj => obj.Items.All(p => IsFullyResolved(p.Value)),
        HoconArray array => array.Items.All(IsFullyResolved),
        _ => value.IsResolved,
    };

    private static HoconObject MergeResolved(HoconObject top, HoconObject below)
    {
        var result = below.ShallowCopy();
        foreach (var (key, value) in top.Items)
        {
            result.Set(
                key,
                value is HoconObject topChild && result.GetKey(key) is HoconObject belowChild
                    ? MergeResolved(topChild, belowChild)
                    : value);
        }

        return result;
    }
}
