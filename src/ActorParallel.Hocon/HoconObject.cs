namespace ActorParallel.Configuration;

/// <summary>A HOCON object: fields in the order they were first defined.</summary>
public sealed class HoconObject : HoconValue
{
    // Insertion order for rendering and enumeration; the dictionary for lookups.
    private readonly List<string> _keys;
    private readonly Dictionary<string, HoconValue> _map;

    public HoconObject()
        : this(default)
    {
    }

    internal HoconObject(HoconOrigin origin, int capacity = 0)
        : base(origin)
    {
        _keys = new List<string>(capacity);
        _map = new Dictionary<string, HoconValue>(capacity, StringComparer.Ordinal);
    }

    public override HoconValueType Type => HoconValueType.Object;

    public override bool IsEmpty => _keys.Count == 0;

    public int Count => _keys.Count;

    /// <summary>The keys, in definition order.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>The fields, in definition order.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> Items
    {
        get
        {
            foreach (var key in _keys)
            {
                yield return new KeyValuePair<string, HoconValue>(key, _map[key]);
            }
        }
    }

    /// <summary>Set by the resolver once every field is resolved, so shared sub-trees are walked once.</summary>
    internal bool FullyResolved { get; set; }

    public bool TryGetValue(string key, out HoconValue value)
    {
        if (_map.TryGetValue(key, out var v))
        {
            value = v;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>The value of one field (a single key, not a path), or null.</summary>
    public HoconValue? GetKey(string key) => _map.TryGetValue(key, out var v) ? v : null;

    public bool ContainsKey(string key) => _map.ContainsKey(key);

    internal HoconValue GetAt(int index) => _map[_keys[index]];

    internal string KeyAt(int index) => _keys[index];

    /// <summary>Adds or replaces a field without merging.</summary>
    internal void Set(string key, HoconValue value)
    {
        if (!_map.TryAdd(key, value))
        {
            _map[key] = value;
        }
        else
        {
            _keys.Add(key);
        }
    }

    internal void Remove(string key)
    {
        if (_map.Remove(key))
        {
            _keys.Remove(key);
        }
    }

    /// <summary>A shallow copy: same field values, new containers.</summary>
    internal HoconObject ShallowCopy()
    {
        var copy = new HoconObject(Origin, _keys.Count);
        foreach (var key in _keys)
        {
            copy._keys.Add(key);
            copy._map[key] = _map[key];
        }

        return copy;
    }

    public override bool Equals(object? obj)
    {
        if (obj is not HoconObject other || other._keys.Count != _keys.Count)
        {
            return false;
        }

        foreach (var (key, value) in _map)
        {
            if (!other._map.TryGetValue(key, out var v) || !value.Equals(v))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var (key, value) in _map)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value);
        }

        return hash;
    }
}
