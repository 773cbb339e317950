namespace ActorParallel.Configuration;

/// <summary>A HOCON object: fields in the order they were first defined.</summary>
public sealed class HoconObject : HoconValue
{
    // Small objects (most of them) are searched linearly; past IndexThreshold fields a dictionary
    // index is kept too. Fields stay in definition order for rendering and enumeration.
    private const int IndexThreshold = 32;
    private string[] _keys;
    private HoconValue[] _values;
    private int _count;
    private Dictionary<string, int>? _index;

    // True while the parser fills this object through its reusable scratch arrays (see Seal).
    private bool _scratch;

    public HoconObject()
        : this(default)
    {
    }

    internal HoconObject(HoconOrigin origin, int capacity = 0)
        : base(origin)
    {
        _keys = capacity == 0 ? [] : new string[capacity];
        _values = capacity == 0 ? [] : new HoconValue[capacity];
    }

    public override HoconValueType Type => HoconValueType.Object;

    public override bool IsEmpty => _count == 0;

    public int Count => _count;

    /// <summary>The keys, in definition order.</summary>
    public IReadOnlyList<string> Keys => new ArraySegment<string>(_keys, 0, _count);

    /// <summary>The fields, in definition order.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> Items
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return new KeyValuePair<string, HoconValue>(_keys[i], _values[i]);
            }
        }
    }

    internal override bool NeedsResolution { get; set; }

    /// <summary>Set by the resolver once every field is resolved, so shared sub-trees are walked once.</summary>
    internal bool FullyResolved { get; set; }

    public bool TryGetValue(string key, out HoconValue value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _values[i] : null!;
        return i >= 0;
    }

    /// <summary>The value of one field (a single key, not a path), or null.</summary>
    public HoconValue? GetKey(string key)
    {
        var i = IndexOf(key);
        return i >= 0 ? _values[i] : null;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    internal HoconValue GetAt(int index) => _values[index];

    internal string KeyAt(int index) => _keys[index];

    internal void SetAt(int index, HoconValue value) => _values[index] = value;

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }

        // Cheap rejections first: many keys share a length, few share the first and last character.
        var length = key.Length;
        for (var i = 0; i < _count; i++)
        {
            var k = _keys[i];
            if (ReferenceEquals(k, key)
                || (k.Length == length && (length == 0 || (k[0] == key[0] && k[length - 1] == key[length - 1])) && string.Equals(k, key, StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Adds or replaces a field without merging.</summary>
    internal void Set(string key, HoconValue value)
    {
        if (value.NeedsResolution)
        {
            NeedsResolution = true;
        }

        var i = IndexOf(key);
        if (i >= 0)
        {
            _values[i] = value;
            return;
        }

        if (_count == _keys.Length)
        {
            var size = Math.Max(4, _count * 2);
            Array.Resize(ref _keys, size);
            Array.Resize(ref _values, size);
        }

        _keys[_count] = key;
        _values[_count] = value;
        _count++;
        if (_index is not null)
        {
            _index[key] = _count - 1;
        }
        else if (_count > IndexThreshold)
        {
            BuildIndex();
        }
    }

    private void BuildIndex()
    {
        _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
        for (var i = 0; i < _count; i++)
        {
            _index[_keys[i]] = i;
        }
    }

    internal void Remove(string key)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            return;
        }

        _count--;
        Array.Copy(_keys, i + 1, _keys, i, _count - i);
        Array.Copy(_values, i + 1, _values, i, _count - i);
        _keys[_count] = null!;
        _values[_count] = null!;
        if (_index is not null)
        {
            BuildIndex();
        }
    }

    /// <summary>Lets the parser fill this object in reusable arrays; <see cref="Seal"/> copies them to exact size.</summary>
    internal void UseScratch(string[] keys, HoconValue[] values)
    {
        _keys = keys;
        _values = values;
        _scratch = true;
    }

    /// <summary>Moves the fields to exact-size arrays; returns the scratch arrays (possibly grown) for reuse, cleared.</summary>
    internal (string[] Keys, HoconValue[] Values) Seal()
    {
        var scratchKeys = _keys;
        var scratchValues = _values;
        _keys = _count == 0 ? [] : scratchKeys[.._count];
        _values = _count == 0 ? [] : scratchValues[.._count];
        Array.Clear(scratchKeys, 0, _count);
        Array.Clear(scratchValues, 0, _count);
        _scratch = false;
        return (scratchKeys, scratchValues);
    }

    internal bool IsScratch => _scratch;

    /// <summary>A shallow copy: same field values, new containers.</summary>
    internal HoconObject ShallowCopy()
    {
        var copy = new HoconObject(Origin, _count);
        Array.Copy(_keys, copy._keys, _count);
        Array.Copy(_values, copy._values, _count);
        copy._count = _count;
        copy.NeedsResolution = NeedsResolution;
        if (_count > IndexThreshold)
        {
            copy.BuildIndex();
        }

        return copy;
    }

    public override bool Equals(object? obj)
    {
        if (obj is not HoconObject other || other._count != _count)
        {
            return false;
        }

        for (var i = 0; i < _count; i++)
        {
            if (!other.TryGetValue(_keys[i], out var v) || !_values[i].Equals(v))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        var hash = 0;
        for (var i = 0; i < _count; i++)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(_keys[i]), _values[i]);
        }

        return hash;
    }
}
