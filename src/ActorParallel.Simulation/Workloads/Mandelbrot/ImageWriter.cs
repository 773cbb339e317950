using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ActorParallel.Simulation.Workloads.Mandelbrot;

/// <summary>Writes a <see cref="MandelbrotImage"/> as a binary PGM or an 8-bit greyscale PNG (no packages).</summary>
public static class ImageWriter
{
    public static void WritePgm(MandelbrotImage image, Stream output)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Encoding.ASCII.GetBytes($"P5\n{image.Width} {image.Height}\n255\n"));
        for (var i = 0; i < image.Iterations.Length; i++)
            output.WriteByte(image.Grey(i));
    }

    public static void WritePng(MandelbrotImage image, Stream output)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        header[8] = 8; // bit depth; colour type 0 (grey), compression 0, filter 0, no interlace follow as zeros
        Chunk(output, "IHDR", header);

        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < image.Height; y++)
            {
                zlib.WriteByte(0); // filter type None for this scanline
                for (var x = 0; x < image.Width; x++)
                    zlib.WriteByte(image.Grey((y * image.Width) + x));
            }
        }

        Chunk(output, "IDAT", raw.ToArray());
        Chunk(output, "IEND", []);
    }

    public static void Write(MandelbrotImage image, string path)
    {
        using var file = File.Create(path);
        if (path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            WritePng(image, file);
        else
            WritePgm(image, file);
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeBytes, data));
        output.Write(word);
    }

    /// <summary>The PNG chunk CRC (ISO 3309 / ITU-T V.42), bitwise: images are small and written once.</summary>
    internal static uint Crc32(byte[] type, byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in type.Concat(data))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
