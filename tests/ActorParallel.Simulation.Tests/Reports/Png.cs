using System.Buffers.Binary;
using System.IO.Compression;

namespace ActorParallel.Simulation.Tests.Reports;

/// <summary>Just enough of PNG to read a browser's screenshot: 8-bit RGB or RGBA, not interlaced.</summary>
internal sealed record Png(int Width, int Height, byte[] Rgb)
{
    public static Png Decode(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length < 8 || file[1] != 'P' || file[2] != 'N' || file[3] != 'G')
            throw new InvalidDataException("not a PNG file");
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at + 8 <= file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                if (data[8] != 8 || data[12] != 0 || (data[9] != 2 && data[9] != 6))
                    throw new InvalidDataException($"unsupported PNG: bit depth {data[8]}, colour type {data[9]}, interlace {data[12]}");
                channels = data[9] == 6 ? 4 : 3;
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        return new Png(width, height, ToRgb(Unfilter(inflated.ToArray(), width, height, channels), channels));
    }

    /// <summary>How many pixels have exactly colour <paramref name="hex"/> (#rrggbb).</summary>
    public int Count(string hex)
    {
        var (r, g, b) = (Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));
        var n = 0;
        for (var i = 0; i < Rgb.Length; i += 3)
            n += Rgb[i] == r && Rgb[i + 1] == g && Rgb[i + 2] == b ? 1 : 0;
        return n;
    }

    /// <summary>The share of pixels that are not white.</summary>
    public double Inked() => 1 - (Count("#ffffff") / (double)(Width * Height));

    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var raw = data[(y * (stride + 1)) + 1 + x];
                int a = x >= channels ? pixels[(y * stride) + x - channels] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int c = x >= channels && y > 0 ? pixels[((y - 1) * stride) + x - channels] : 0;
                pixels[(y * stride) + x] = (byte)(raw + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgb(byte[] pixels, int channels)
    {
        if (channels == 3)
            return pixels;
        var rgb = new byte[pixels.Length / 4 * 3];
        for (int i = 0, j = 0; i < pixels.Length; i += 4, j += 3)
            (rgb[j], rgb[j + 1], rgb[j + 2]) = (pixels[i], pixels[i + 1], pixels[i + 2]);
        return rgb;
    }
}
