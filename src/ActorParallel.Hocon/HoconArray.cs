namespace ActorParallel.Configuration;

/// <summary>A HOCON array. Elements keep their order.</summary>
public sealed class HoconArray : HoconValue
{
    private readonly List<HoconValue> _items;

    public HoconArray(IEnumerable<HoconValue> items)
        : this(new List<HoconValue>(items), default)
    {
    }

    internal HoconArray(List<HoconValue> items, HoconOrigin origin)
        : base(origin)
    {
        _items = items;
        foreach (var item in items)
        {
            if (item.NeedsResolution)
            {
                NeedsResolution = true;
                break;
            }
        }
    }

    public override HoconValueType Type => HoconValueType.Array;

    public IReadOnlyList<HoconValue> Items => _items;

    public int Count => _items.Count;

    public HoconValue this[int index] => _items[index];

    public override bool IsEmpty => _items.Count == 0;

    internal List<HoconValue> MutableItems => _items;

    /// <summary>Set by the resolver while it resolves the children (meeting it set again is a cycle).</summary>
    internal bool Filling { get; set; }

    /// <summary>Set by the resolver once every element is resolved, so shared sub-trees are walked once.</summary>
    internal bool FullyResolved { get; set; }

    public override bool Equals(object? obj)
    {
        if (obj is not HoconArray other || other._items.Count != _items.Count)
        {
            return false;
        }

        for (var i = 0; i < _items.Count; i++)
        {
            if (!_items[i].Equals(other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
