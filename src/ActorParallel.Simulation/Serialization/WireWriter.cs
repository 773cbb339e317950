using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Serialization;
using System.Text;

namespace ActorParallel.Simulation.Serialization;

/// <summary>
/// Writes one message in the lab's wire format (see <see cref="LabSerializer"/>): signed integers as zigzag
/// varints, counts and lengths as unsigned varints, doubles as 8 little-endian bytes, strings as UTF-8 with a
/// length, and <c>object</c> fields as (manifest, length, bytes) of a registered type. One writer per message,
/// on one thread; <see cref="Rent"/> reuses a buffer per thread.
/// </summary>
public sealed class WireWriter
{
    /// <summary>How deep <c>object</c> fields may nest (a payload inside a payload ...): the reader's stack guard.</summary>
    public const int MaxDepth = 16;

    /// <summary>Buffers up to this size are kept for the thread's next message; bigger ones go to the GC.</summary>
    private const int KeptBufferBytes = 1 << 20;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Akka serializes on several threads at once (one per remote endpoint writer), never re-entrantly on one
    // message: a writer per thread needs no lock. Rent empties the slot, so a nested Rent gets a fresh writer.
    [ThreadStatic]
    private static WireWriter? t_cached;

    private readonly WireRegistry _registry;
    private byte[] _buffer = new byte[256];
    private int _position;
    private int _depth;

    // The manifests this message has written so far: a repeat is written as its index (see WriteObject).
    private WireRegistry.Entry[] _seen = new WireRegistry.Entry[4];
    private int _seenCount;

    private WireWriter(WireRegistry registry) => _registry = registry;

    /// <summary>An actor ref, as the serialized path Akka uses (with this node's address for a local ref).</summary>
    public void WriteActorRef(Akka.Actor.IActorRef actorRef)
    {
        ArgumentNullException.ThrowIfNull(actorRef);
        WriteString(Akka.Serialization.Serialization.SerializedActorPath(actorRef));
    }

    /// <summary>Bytes written so far.</summary>
    public int Length => _position;

    /// <summary>An empty writer for one message, reusing this thread's buffer when it is free.</summary>
    internal static WireWriter Rent(WireRegistry registry)
    {
        var writer = t_cached;
        t_cached = null;
        if (writer is null || writer._registry != registry)
            return new WireWriter(registry);
        return writer;
    }

    /// <summary>The message written, copied out; the writer goes back to this thread for the next message.</summary>
    internal byte[] ToArrayAndReturn()
    {
        var bytes = _buffer.AsSpan(0, _position).ToArray();
        _position = 0;
        _depth = 0;
        Array.Clear(_seen, 0, _seenCount);
        _seenCount = 0;
        if (_buffer.Length <= KeptBufferBytes)
            t_cached = this;
        return bytes;
    }

    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_position++] = value;
    }

    /// <summary>Zigzag varint: small magnitudes of either sign take one byte.</summary>
    public void WriteInt32(int value) => WriteVarUInt64((uint)((value << 1) ^ (value >> 31)));

    /// <summary>Zigzag varint: small magnitudes of either sign take one byte.</summary>
    public void WriteInt64(long value) => WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    public void WriteUInt64(ulong value) => WriteVarUInt64(value);

    /// <summary>A count or length: unsigned varint.</summary>
    public void WriteCount(int count)
    {
        if (count < 0)
            throw new SerializationException($"lab serializer: a count cannot be negative ({count})");
        WriteVarUInt64((uint)count);
    }

    public void WriteDouble(double value)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(_position), value);
        _position += 8;
    }

    /// <summary>Ticks, as a zigzag varint.</summary>
    public void WriteTimeSpan(TimeSpan value) => WriteInt64(value.Ticks);

    /// <summary>Null as 0, otherwise the UTF-8 byte count + 1 and the bytes.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteByte(0);
            return;
        }

        int bytes;
        try
        {
            bytes = Utf8.GetByteCount(value);
        }
        catch (EncoderFallbackException e)
        {
            throw new SerializationException($"lab serializer: a string is not valid UTF-16 ({e.Message})", e);
        }

        WriteVarUInt64((ulong)bytes + 1);
        Ensure(bytes);
        _position += Utf8.GetBytes(value, _buffer.AsSpan(_position));
    }

    /// <summary>A count, then the values raw (8 bytes each, little-endian).</summary>
    public void WriteDoubles(ReadOnlySpan<double> values)
    {
        WriteCount(values.Length);
        var bytes = checked(values.Length * 8);
        Ensure(bytes);
        var target = _buffer.AsSpan(_position, bytes);
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(target);
        }
        else
        {
            for (var i = 0; i < values.Length; i++)
                BinaryPrimitives.WriteDoubleLittleEndian(target[(i * 8)..], values[i]);
        }

        _position += bytes;
    }

    /// <summary>A count, then the bytes as they are.</summary>
    public void WriteBytes(ReadOnlySpan<byte> values)
    {
        WriteCount(values.Length);
        Ensure(values.Length);
        values.CopyTo(_buffer.AsSpan(_position));
        _position += values.Length;
    }

    /// <summary>A count, then each value as a zigzag varint.</summary>
    public void WriteInt32s(ReadOnlySpan<int> values)
    {
        WriteCount(values.Length);
        foreach (var v in values)
            WriteInt32(v);
    }

    /// <summary>A count, then each item written by <paramref name="write"/>.</summary>
    public void WriteArray<T>(ReadOnlySpan<T> items, Action<WireWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteCount(items.Length);
        foreach (var item in items)
            write(this, item);
    }

    /// <summary>
    /// An <c>object</c> field: null as 0; otherwise the manifest of its registered type (the first time in this
    /// message as 1 and the manifest string; after that as 2 + its index among the manifests seen), the payload's
    /// byte count and the payload. An unregistered type is refused with a <see cref="SerializationException"/>.
    /// </summary>
    public void WriteObject(object? value)
    {
        if (value is null)
        {
            WriteByte(0);
            return;
        }

        var entry = _registry.Find(value.GetType())
            ?? throw new SerializationException($"lab serializer: {value.GetType().FullName} is not registered (an object field may only hold a registered type; see WireRegistry)");
        var index = Array.IndexOf(_seen, entry, 0, _seenCount);
        if (index >= 0)
        {
            WriteVarUInt64((ulong)index + 2);
        }
        else
        {
            WriteByte(1);
            WriteString(entry.Manifest);
            if (_seenCount == _seen.Length)
                Array.Resize(ref _seen, _seen.Length * 2);
            _seen[_seenCount++] = entry;
        }

        if (++_depth > MaxDepth)
            throw new SerializationException($"lab serializer: object fields nest deeper than {MaxDepth} at {entry.Manifest}");

        // One byte reserved for the length; a payload of 128 bytes or more moves right to make room for a longer varint.
        Ensure(1);
        var lengthAt = _position++;
        entry.Write(this, value);
        _depth--;
        var length = _position - lengthAt - 1;
        var lengthBytes = VarIntSize((ulong)length);
        if (lengthBytes > 1)
        {
            Ensure(lengthBytes - 1);
            _buffer.AsSpan(lengthAt + 1, length).CopyTo(_buffer.AsSpan(lengthAt + lengthBytes));
            _position += lengthBytes - 1;
        }

        WriteVarUInt64At(lengthAt, (ulong)length);
    }

    internal void WriteBody(WireRegistry.Entry entry, object value) => entry.Write(this, value);

    private void WriteVarUInt64(ulong value)
    {
        Ensure(10);
        _position = WriteVarUInt64At(_position, value);
    }

    private int WriteVarUInt64At(int at, ulong value)
    {
        while (value >= 0x80)
        {
            _buffer[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[at++] = (byte)value;
        return at;
    }

    private static int VarIntSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    private void Ensure(int bytes)
    {
        if (_buffer.Length - _position >= bytes)
            return;
        var needed = (long)_position + bytes;
        if (needed > Array.MaxLength)
            throw new SerializationException($"lab serializer: message larger than {Array.MaxLength} bytes");
        var size = Math.Min(Array.MaxLength, Math.Max(needed, (long)_buffer.Length * 2));
        Array.Resize(ref _buffer, (int)size);
    }
}
