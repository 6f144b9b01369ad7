using System.Buffers.Binary;
using SkiaSharp;

namespace AdStudio.Tests.Core.Creatives;

/// <summary>Real encoded images made on the fly, and hand-made hostile files.</summary>
internal static class TestImages
{
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawRect(width / 4f, height / 4f, width / 2f, height / 2f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    public static byte[] Png(int width = 300, int height = 250) => Encode(width, height, SKEncodedImageFormat.Png);

    /// <summary>A valid PNG signature and header that claims an enormous canvas, with almost no data behind it.</summary>
    public static byte[] PngBomb(int width, int height)
    {
        var file = new List<byte>([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        file.AddRange(Chunk("IHDR"u8, ihdr));
        file.AddRange(Chunk("IDAT"u8, [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]));
        file.AddRange(Chunk("IEND"u8, []));
        return [.. file];
    }

    private static byte[] Chunk(ReadOnlySpan<byte> type, byte[] payload)
    {
        var chunk = new byte[12 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, payload.Length);
        type.CopyTo(chunk.AsSpan(4));
        payload.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + payload.Length), Crc32(chunk.AsSpan(4, 4 + payload.Length)));
        return chunk;
    }

    // PNG's CRC-32 (polynomial 0xEDB88320), so the hand-made header is valid and only its size is hostile.
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
