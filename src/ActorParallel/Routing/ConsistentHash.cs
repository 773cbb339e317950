namespace ActorParallel.Routing;

/// <summary>
/// An immutable hash ring: each node sits at <c>virtualNodesFactor</c> points (hashes of the node's
/// identity and the point's number), and a key belongs to the first point clockwise from the key's hash.
/// Adding or removing a node moves only the keys of that node. Hashes are MurmurHash3, stable across processes.
/// </summary>
public sealed class ConsistentHash<T>
    where T : notnull
{
    private readonly int[] _points;
    private readonly T[] _nodes;

    private ConsistentHash(int[] points, T[] nodes)
    {
        _points = points;
        _nodes = nodes;
    }

    public bool IsEmpty => _points.Length == 0;

    /// <summary>A ring of <paramref name="nodes"/>, each identified by its <c>ToString()</c>.</summary>
    public static ConsistentHash<T> Create(IEnumerable<T> nodes, int virtualNodesFactor) =>
        Create(nodes, virtualNodesFactor, node => node.ToString() ?? string.Empty);

    /// <summary>A ring of <paramref name="nodes"/>, each identified by <paramref name="identity"/> (which must be stable across processes).</summary>
    public static ConsistentHash<T> Create(IEnumerable<T> nodes, int virtualNodesFactor, Func<T, string> identity)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentOutOfRangeException.ThrowIfLessThan(virtualNodesFactor, 1);
        var ring = new List<(int Point, string Id, T Node)>();
        foreach (var node in nodes)
        {
            var id = identity(node);
            for (var v = 0; v < virtualNodesFactor; v++)
            {
                ring.Add((MurmurHash.Hash($"{id}:{v}"), id, node));
            }
        }

        // Ties (two points with one hash) are broken by identity so that every process builds the same ring.
        ring.Sort((a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : string.CompareOrdinal(a.Id, b.Id));
        return new ConsistentHash<T>([.. ring.Select(r => r.Point)], [.. ring.Select(r => r.Node)]);
    }

    /// <summary>The node responsible for <paramref name="key"/> (see <see cref="NodeFor(object)"/> for how keys hash).</summary>
    public T NodeFor(string key) => NodeForHash(MurmurHash.Hash(key));

    public T NodeFor(byte[] key) => NodeForHash(MurmurHash.Hash(key));

    /// <summary>
    /// The node for any key: byte arrays as they are, strings as UTF-8, integers and GUIDs by their bytes,
    /// other objects by their <c>ToString()</c>.
    /// </summary>
    public T NodeFor(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return NodeForHash(MurmurHash.HashKey(key));
    }

    private T NodeForHash(int hash)
    {
        if (_points.Length == 0)
        {
            throw new InvalidOperationException("Can't get a node from an empty consistent hash ring.");
        }

        var index = Array.BinarySearch(_points, hash);
        if (index < 0)
        {
            index = ~index;
        }

        return _nodes[index == _points.Length ? 0 : index];
    }
}
