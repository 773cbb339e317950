namespace ActorParallel.Configuration;

/// <summary>A HOCON object: fields in the order they were first defined.</summary>
public sealed class HoconObject : HoconValue
{
    // Small objects (most of them) are searched linearly; past IndexThreshold fields a dictionary
    // index is kept too. Fields stay in definition order for rendering and enumeration.
    private const int IndexThreshold = 32;

    // One array of key/value pairs rather than two arrays: a struct element array has no covariant
    // store check on each write (the string[] and HoconValue[] stores were ~4% of parsing), and an
    // object costs one array header instead of two.
    private Field[] _fields;
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
        _fields = capacity == 0 ? [] : new Field[capacity];
    }

    public override HoconValueType Type => HoconValueType.Object;

    public override bool IsEmpty => _count == 0;

    public int Count => _count;

    /// <summary>The keys, in definition order.</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            var keys = new string[_count];
            for (var i = 0; i < _count; i++)
            {
                keys[i] = _fields[i].Key;
            }

            return keys;
        }
    }

    /// <summary>The fields, in definition order.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> Items
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return new KeyValuePair<string, HoconValue>(_fields[i].Key, _fields[i].Value);
            }
        }
    }

    /// <summary>Set by the resolver while it resolves the children (meeting it set again is a cycle).</summary>
    internal bool Filling { get; set; }

    /// <summary>Set by the resolver once every field is resolved, so shared sub-trees are walked once.</summary>
    internal bool FullyResolved { get; set; }

    public bool TryGetValue(string key, out HoconValue value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _fields[i].Value : null!;
        return i >= 0;
    }

    /// <summary>The value of one field (a single key, not a path), or null.</summary>
    public HoconValue? GetKey(string key)
    {
        var i = IndexOf(key);
        return i >= 0 ? _fields[i].Value : null;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    internal HoconValue GetAt(int index) => _fields[index].Value;

    internal string KeyAt(int index) => _fields[index].Key;

    internal void SetAt(int index, HoconValue value) => _fields[index].Value = value;

    /// <summary>The index of a field, or -1.</summary>
    internal int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }

        // Cheap rejections first: many keys share a length, few share the first and last character.
        var length = key.Length;
        for (var i = 0; i < _count; i++)
        {
            var k = _fields[i].Key;
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
            _fields[i].Value = value;
            return;
        }

        AddNew(key, value);
    }

    /// <summary>Adds a field the caller knows is not there yet (saves the second search of <see cref="Set"/>).</summary>
    internal void Add(string key, HoconValue value)
    {
        if (value.NeedsResolution)
        {
            NeedsResolution = true;
        }

        AddNew(key, value);
    }

    private void AddNew(string key, HoconValue value)
    {
        if (_count == _fields.Length)
        {
            Array.Resize(ref _fields, Math.Max(4, _count * 2));
        }

        _fields[_count] = new Field(key, value);
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
            _index[_fields[i].Key] = i;
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
        Array.Copy(_fields, i + 1, _fields, i, _count - i);
        _fields[_count] = default;
        if (_index is not null)
        {
            BuildIndex();
        }
    }

    /// <summary>Lets the parser fill this object in reusable arrays; <see cref="Seal"/> copies them to exact size.</summary>
    internal void UseScratch(Field[] fields)
    {
        _fields = fields;
        _scratch = true;
    }

    /// <summary>Moves the fields to an exact-size array; returns the scratch array (possibly grown) for reuse, cleared.</summary>
    internal Field[] Seal()
    {
        var scratch = _fields;
        _fields = _count == 0 ? [] : scratch[.._count];
        Array.Clear(scratch, 0, _count);
        _scratch = false;
        return scratch;
    }

    internal bool IsScratch => _scratch;

    /// <summary>A shallow copy: same field values, new containers.</summary>
    internal HoconObject ShallowCopy()
    {
        var copy = new HoconObject(Origin, _count);
        Array.Copy(_fields, copy._fields, _count);
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
            if (!other.TryGetValue(_fields[i].Key, out var v) || !_fields[i].Value.Equals(v))
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
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(_fields[i].Key), _fields[i].Value);
        }

        return hash;
    }

    /// <summary>One field: a key and its value.</summary>
    internal struct Field(string key, HoconValue value)
    {
        public readonly string Key = key;
        public HoconValue Value = value;
    }
}
