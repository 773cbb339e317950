using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Runtime.Serialization;
using System.Text;

namespace ActorParallel.Simulation.Serialization;

/// <summary>Reads one value of type <typeparamref name="T"/> from a <see cref="WireReader"/>.</summary>
public delegate T WireRead<out T>(ref WireReader reader);

/// <summary>
/// Reads one message written by <see cref="WireWriter"/>. Every read checks the bytes left first, and every count
/// is checked against them before anything is allocated from it (a count of n items needs at least n bytes), so
/// truncated, corrupt or hostile bytes end in a <see cref="SerializationException"/> saying what was wrong and
/// where, never in another exception, a huge allocation or a hang.
/// </summary>
public ref struct WireReader
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _data;
    private readonly WireRegistry _registry;
    private int _position;
    private int _end;
    private int _depth;

    // The manifests read so far in this message, in order: the writer refers to a repeat by its index.
    private WireRegistry.Entry[]? _seen;
    private int _seenCount;

    internal WireReader(ReadOnlySpan<byte> data, WireRegistry registry, Akka.Actor.ExtendedActorSystem? system = null)
    {
        _data = data;
        _registry = registry;
        _end = data.Length;
        _system = system;
    }

    private readonly Akka.Actor.ExtendedActorSystem? _system;

    /// <summary>An actor ref written by <see cref="WireWriter.WriteActorRef"/>, resolved by the receiving actor system.</summary>
    public Akka.Actor.IActorRef ReadActorRef()
    {
        var path = ReadRequiredString();
        if (_system is null)
            throw new System.Runtime.Serialization.SerializationException($"lab serializer: cannot resolve actor ref '{path}' without an actor system");
        return _system.Provider.ResolveActorRef(path);
    }

    /// <summary>Bytes left in the current payload.</summary>
    public readonly int Remaining => _end - _position;

    public bool ReadBool() => ReadByte() switch
    {
        0 => false,
        1 => true,
        var b => throw Corrupt($"a bool must be 0 or 1, found {b}", _position - 1),
    };

    public byte ReadByte()
    {
        if (_position >= _end)
            throw Truncated(1);
        return _data[_position++];
    }

    public int ReadInt32()
    {
        var at = _position;
        var raw = ReadVarUInt64();
        if (raw > uint.MaxValue)
            throw Corrupt($"varint {raw} does not fit a 32-bit integer", at);
        var zigzag = (uint)raw;
        return (int)(zigzag >> 1) ^ -(int)(zigzag & 1);
    }

    public long ReadInt64()
    {
        var zigzag = ReadVarUInt64();
        return (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
    }

    public ulong ReadUInt64() => ReadVarUInt64();

    /// <summary>
    /// A count of items that take at least <paramref name="minBytesEach"/> bytes each, checked against the bytes
    /// left: safe to allocate from.
    /// </summary>
    public int ReadCount(int minBytesEach = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minBytesEach, 1);
        var at = _position;
        var count = ReadVarUInt64();
        if (count > (ulong)(Remaining / minBytesEach))
            throw Corrupt($"count {count} of items of at least {minBytesEach} byte(s) each, but only {Remaining} bytes are left", at);
        return (int)count;
    }

    public double ReadDouble()
    {
        if (Remaining < 8)
            throw Truncated(8);
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_data.Slice(_position, 8));
        _position += 8;
        return value;
    }

    public TimeSpan ReadTimeSpan() => TimeSpan.FromTicks(ReadInt64());

    public string? ReadString()
    {
        var at = _position;
        var tag = ReadVarUInt64();
        if (tag == 0)
            return null;
        var length = tag - 1;
        if (length > (ulong)Remaining)
            throw Corrupt($"string of {length} bytes, but only {Remaining} bytes are left", at);
        var bytes = _data.Slice(_position, (int)length);
        _position += (int)length;
        try
        {
            return Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw Corrupt($"string is not valid UTF-8 ({e.Message})", at);
        }
    }

    /// <summary>A string that the writer never sends as null.</summary>
    public string ReadRequiredString()
    {
        var at = _position;
        return ReadString() ?? throw Corrupt("null where a string is required", at);
    }

    /// <summary>A count, then that many doubles (8 bytes each).</summary>
    public double[] ReadDoubles()
    {
        var count = ReadCount(8);
        var values = new double[count];
        var bytes = _data.Slice(_position, count * 8);
        if (BitConverter.IsLittleEndian)
        {
            bytes.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        }
        else
        {
            for (var i = 0; i < count; i++)
                values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * 8)..]);
        }

        _position += count * 8;
        return values;
    }

    /// <summary>A count, then that many bytes.</summary>
    public byte[] ReadBytes()
    {
        var count = ReadCount();
        var values = _data.Slice(_position, count).ToArray();
        _position += count;
        return values;
    }

    /// <summary>A count, then that many zigzag varints.</summary>
    public int[] ReadInt32s()
    {
        var values = new int[ReadCount()];
        for (var i = 0; i < values.Length; i++)
            values[i] = ReadInt32();
        return values;
    }

    /// <summary>A count, then that many items read by <paramref name="read"/>, each at least <paramref name="minBytesEach"/> bytes.</summary>
    public T[] ReadArray<T>(WireRead<T> read, int minBytesEach = 1)
    {
        ArgumentNullException.ThrowIfNull(read);
        var items = new T[ReadCount(minBytesEach)];
        for (var i = 0; i < items.Length; i++)
            items[i] = read(ref this);
        return items;
    }

    /// <summary>As <see cref="ReadArray{T}"/>, as an immutable array (no copy).</summary>
    public ImmutableArray<T> ReadImmutableArray<T>(WireRead<T> read, int minBytesEach = 1) =>
        ImmutableCollectionsMarshal.AsImmutableArray(ReadArray(read, minBytesEach));

    /// <summary>An <c>object</c> field (see <see cref="WireWriter.WriteObject"/>): null, or a value of a registered type.</summary>
    public object? ReadObject()
    {
        var at = _position;
        var code = ReadVarUInt64();
        WireRegistry.Entry entry;
        switch (code)
        {
            case 0:
                return null;
            case 1:
                var manifestAt = _position;
                var manifest = ReadString();
                if (manifest is null || !_registry.TryGet(manifest, out var known))
                    throw Corrupt($"object field of unknown manifest '{manifest}' (not registered on this node)", manifestAt);
                entry = known;
                _seen ??= new WireRegistry.Entry[4];
                if (_seenCount == _seen.Length)
                    Array.Resize(ref _seen, _seen.Length * 2);
                _seen[_seenCount++] = entry;
                break;
            default:
                if (code - 2 >= (ulong)_seenCount)
                    throw Corrupt($"object field refers to manifest #{code - 2}, but only {_seenCount} were given before it", at);
                entry = _seen![(int)(code - 2)];
                break;
        }

        var lengthAt = _position;
        var length = ReadVarUInt64();
        if (length > (ulong)Remaining)
            throw Corrupt($"{entry.Manifest} payload of {length} bytes, but only {Remaining} bytes are left", lengthAt);
        if (_depth >= WireWriter.MaxDepth)
            throw Corrupt($"object fields nest deeper than {WireWriter.MaxDepth}", at);

        // The payload is read inside its own bounds, so it cannot read into what follows it and must use all of it.
        var outerEnd = _end;
        _end = _position + (int)length;
        _depth++;
        var value = entry.Read(ref this);
        if (_position != _end)
            throw Corrupt($"{entry.Manifest} payload left {_end - _position} of its {length} bytes unread", _position);
        _depth--;
        _end = outerEnd;
        return value;
    }

    /// <summary>An <c>object</c> field that the writer never sends as null.</summary>
    public object ReadRequiredObject()
    {
        var at = _position;
        return ReadObject() ?? throw Corrupt("null where an object is required", at);
    }

    /// <summary>Throws unless every byte was read: a message with bytes after its last field is corrupt.</summary>
    internal readonly void EnsureEnd()
    {
        if (_position != _data.Length)
            throw Corrupt($"{_data.Length - _position} bytes left over after the message", _position);
    }

    internal object ReadBody(WireRegistry.Entry entry) => entry.Read(ref this);

    private ulong ReadVarUInt64()
    {
        var at = _position;
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _end)
                throw Truncated(1);
            var b = _data[_position++];
            if (shift == 63 && b > 1)
                throw Corrupt("varint overflows 64 bits", at);
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }

        throw Corrupt("varint longer than 10 bytes", at);
    }

    private readonly SerializationException Truncated(int needed) =>
        new($"truncated: {needed} byte(s) needed at offset {_position}, but the {(_end == _data.Length ? "message" : "payload")} ends at {_end}");

    private static SerializationException Corrupt(string what, int offset) => new($"corrupt at offset {offset}: {what}");
}
