using System.Globalization;

namespace ActorParallel.Configuration;

public partial class HoconConfig
{
    /// <summary>The value at a path (fallbacks merged), or null when the path is absent.</summary>
    public HoconValue? GetValue(string path)
    {
        var segments = HoconPath.Parse(path);
        HoconValue node = Merged;
        foreach (var segment in segments)
        {
            if (node is not HoconObject obj || !obj.TryGetValue(segment, out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    /// <summary>True when the path holds a value other than <c>null</c> (as Lightbend's hasPath).</summary>
    public bool HasPath(string path) => GetValue(path) is { } v && v.Type != HoconValueType.Null;

    private HoconValue? Find(string path)
    {
        var value = GetValue(path);
        return value is null || value.Type == HoconValueType.Null ? null : value;
    }

    public string? GetString(string path, string? @default = null)
        => Find(path) is { } v ? HoconConvert.ToStringValue(v, path) : @default;

    public int GetInt(string path, int @default = 0)
        => Find(path) is { } v ? HoconConvert.ToInt(v, path) : @default;

    public long GetLong(string path, long @default = 0)
        => Find(path) is { } v ? HoconConvert.ToLong(v, path) : @default;

    public double GetDouble(string path, double @default = 0)
        => Find(path) is { } v ? HoconConvert.ToDouble(v, path) : @default;

    public float GetFloat(string path, float @default = 0)
        => Find(path) is { } v ? (float)HoconConvert.ToDouble(v, path) : @default;

    public decimal GetDecimal(string path, decimal @default = 0)
        => Find(path) is { } v ? (decimal)HoconConvert.ToDouble(v, path) : @default;

    /// <summary>Reads true/false, yes/no or on/off.</summary>
    public bool GetBoolean(string path, bool @default = false)
        => Find(path) is { } v ? HoconConvert.ToBoolean(v, path) : @default;

    /// <summary>
    /// Reads a duration: a bare number is milliseconds; units ns, us, ms, s, m, h, d and their long
    /// names; <c>infinite</c> gives <see cref="Timeout.InfiniteTimeSpan"/> when <paramref name="allowInfinite"/>.
    /// </summary>
    public TimeSpan GetTimeSpan(string path, TimeSpan? @default = null, bool allowInfinite = true)
        => Find(path) is { } v ? HoconConvert.ToTimeSpan(v, path, allowInfinite) : @default ?? TimeSpan.Zero;

    /// <summary>Reads a size in bytes (10, 10kB = 10,000, 10KiB = 10 K = 10,240 ...), or null when absent.</summary>
    public long? GetByteSize(string path)
        => Find(path) is { } v ? HoconConvert.ToByteSize(v, path) : null;

    public IList<string> GetStringList(string path)
        => Find(path) is { } v ? HoconConvert.ToList(v, path, HoconConvert.ToStringNonNull) : [];

    public IList<string> GetStringList(string path, IList<string> @default)
        => Find(path) is { } v ? HoconConvert.ToList(v, path, HoconConvert.ToStringNonNull) : @default;

    public IList<int> GetIntList(string path)
        => Find(path) is { } v ? HoconConvert.ToList(v, path, HoconConvert.ToInt) : [];

    public IList<long> GetLongList(string path)
        => Find(path) is { } v ? HoconConvert.ToList(v, path, HoconConvert.ToLong) : [];

    public IList<double> GetDoubleList(string path)
        => Find(path) is { } v ? HoconConvert.ToList(v, path, HoconConvert.ToDouble) : [];

    public IList<bool> GetBooleanList(string path)
        => Find(path) is { } v ? HoconConvert.ToList(v, path, HoconConvert.ToBoolean) : [];

    public IList<TimeSpan> GetTimeSpanList(string path)
        => Find(path) is { } v ? HoconConvert.ToList(v, path, (x, p) => HoconConvert.ToTimeSpan(x, p, allowInfinite: true)) : [];

    public IList<long?> GetByteSizeList(string path)
        => Find(path) is { } v ? HoconConvert.ToList(v, path, HoconConvert.ToByteSize) : [];

    /// <summary>The list of objects at a path, each as a <see cref="HoconConfig"/>.</summary>
    public IList<HoconConfig> GetConfigList(string path)
        => Find(path) is { } v
            ? HoconConvert.ToList(v, path, (x, p) => new HoconConfig(HoconConvert.ToObject(x, p), null))
            : [];

    /// <summary>
    /// The sub-configuration at a path, keeping the fallbacks' sub-trees as its fallbacks;
    /// <see cref="Empty"/> when the path is absent.
    /// </summary>
    public HoconConfig GetConfig(string path)
    {
        var value = GetOwnValue(path);
        var fallback = Fallback?.GetConfig(path);
        if (value is null || value.Type == HoconValueType.Null)
        {
            return fallback ?? Empty;
        }

        var obj = HoconConvert.ToObject(value, path);
        return new HoconConfig(obj, fallback is { IsEmpty: false } ? fallback : null);
    }

    /// <summary>
    /// Only the sub-tree at <paramref name="key"/> (a single key, not a path), still under that key, fallbacks merged in
    /// (Lightbend's <c>withOnlyPath</c> for one top-level key); <see cref="Empty"/> when it is absent.
    /// </summary>
    public HoconConfig WithOnlyKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Merged.GetKey(key) is not { } value || value.Type == HoconValueType.Null)
        {
            return Empty;
        }

        var root = new HoconObject(Merged.Origin);
        root.Set(key, value);
        return new HoconConfig(root, null);
    }

    private HoconValue? GetOwnValue(string path)
    {
        HoconValue node = _own;
        foreach (var segment in HoconPath.Parse(path))
        {
            if (node is not HoconObject obj || !obj.TryGetValue(segment, out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    internal static string IndexPath(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
