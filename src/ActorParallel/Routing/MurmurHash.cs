using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace ActorParallel.Routing;

/// <summary>
/// MurmurHash3 (x86, 32-bit), the hash behind consistent hashing. Unlike <see cref="string.GetHashCode()"/>,
/// which .NET randomizes per process, it gives the same value for the same bytes in every process, so a
/// key maps to the same routee everywhere.
/// </summary>
internal static class MurmurHash
{
    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    public static int Hash(ReadOnlySpan<byte> data, uint seed = 0)
    {
        var h = seed;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4));
            h ^= MixK(k);
            h = (BitOperations.RotateLeft(h, 13) * 5) + 0xe6546b64;
        }

        var tail = data[(blocks * 4)..];
        uint k1 = 0;
        switch (tail.Length)
        {
            case 3:
                k1 ^= (uint)tail[2] << 16;
                goto case 2;
            case 2:
                k1 ^= (uint)tail[1] << 8;
                goto case 1;
            case 1:
                k1 ^= tail[0];
                h ^= MixK(k1);
                break;
        }

        h ^= (uint)data.Length;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return unchecked((int)h);
    }

    public static int Hash(string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(text, buffer);
        return Hash(buffer[..written]);
    }

    /// <summary>
    /// The hash of a consistent-hash key: byte arrays as they are, strings as UTF-8, integers and GUIDs by
    /// their little-endian bytes, anything else by the UTF-8 of its <c>ToString()</c> (so a key type must
    /// have a stable <c>ToString</c>, as records do).
    /// </summary>
    public static int HashKey(object key)
    {
        Span<byte> scratch = stackalloc byte[16];
        switch (key)
        {
            case byte[] bytes:
                return Hash(bytes);
            case string text:
                return Hash(text);
            case int i:
                BinaryPrimitives.WriteInt32LittleEndian(scratch, i);
                return Hash(scratch[..4]);
            case long l:
                BinaryPrimitives.WriteInt64LittleEndian(scratch, l);
                return Hash(scratch[..8]);
            case uint u:
                BinaryPrimitives.WriteUInt32LittleEndian(scratch, u);
                return Hash(scratch[..4]);
            case ulong ul:
                BinaryPrimitives.WriteUInt64LittleEndian(scratch, ul);
                return Hash(scratch[..8]);
            case Guid guid:
                guid.TryWriteBytes(scratch);
                return Hash(scratch);
            default:
                return Hash(Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }
    }

    private static uint MixK(uint k)
    {
        k *= C1;
        k = BitOperations.RotateLeft(k, 15);
        return k * C2;
    }
}
