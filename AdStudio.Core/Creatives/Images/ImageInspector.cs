using SkiaSharp;

namespace AdStudio.Core.Creatives.Images;

/// <summary>
/// Decides what an upload is from its bytes, never its name: the magic number must be PNG, JPEG, GIF or
/// WebP, the header's pixel count must be sane before anything is decoded (decompression bombs), and the
/// whole image must decode. The stored file and its thumbnail are both made from those decoded pixels, so
/// an image is decoded exactly once: nothing after this reads the upload's bytes again.
/// </summary>
public static class ImageInspector
{
    /// <summary>The thumbnail's box; the aspect ratio is kept inside it.</summary>
    public const int ThumbnailWidth = 160;

    /// <inheritdoc cref="ThumbnailWidth"/>
    public const int ThumbnailHeight = 120;

    /// <summary>Judges, decodes (once) and re-encodes an upload; throws <see cref="ImageRejectedException"/> with a plain reason.</summary>
    public static InspectedImage Inspect(byte[] data, long maxBytes, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0)
        {
            throw new ImageRejectedException("The file is empty.");
        }

        if (data.Length > maxBytes)
        {
            throw new ImageRejectedException($"The file is {data.Length / 1024.0 / 1024.0:F1} MB; the limit is {maxBytes / 1024.0 / 1024.0:F1} MB.");
        }

        var format = Sniff(data) ?? throw new ImageRejectedException(LooksLikeSvg(data)
            ? "SVG is not accepted: it can carry scripts. Export the creative as PNG, JPEG, WebP or GIF."
            : "This is not a PNG, JPEG, WebP or GIF image (judged by its content, not its name).");

        using var codec = SKCodec.Create(new SKMemoryStream(data))
            ?? throw new ImageRejectedException($"The file starts like a {format} image but cannot be read; it may be damaged.");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new ImageRejectedException("The image has no pixels.");
        }

        if ((long)info.Width * info.Height > maxPixels)
        {
            throw new ImageRejectedException($"The image claims {info.Width}×{info.Height} pixels, far more than any ad needs; it was not opened.");
        }

        using var bitmap = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new ImageRejectedException($"The image data is damaged ({result}); export it again.");
        }

        var (encoding, extension, contentType) = format switch
        {
            ImageFormat.Jpeg => (SKEncodedImageFormat.Jpeg, "jpg", "image/jpeg"),
            ImageFormat.WebP => (SKEncodedImageFormat.Webp, "webp", "image/webp"),
            _ => (SKEncodedImageFormat.Png, "png", "image/png"),
        };
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(encoding, 90);
        return new InspectedImage(format, info.Width, info.Height, encoded.ToArray(), extension, contentType, Thumbnail(bitmap));
    }

    /// <summary>A small PNG of the decoded pixels, at most <see cref="ThumbnailWidth"/>×<see cref="ThumbnailHeight"/>, aspect kept.</summary>
    private static byte[] Thumbnail(SKBitmap source)
    {
        var scale = Math.Min(1.0, Math.Min((double)ThumbnailWidth / source.Width, (double)ThumbnailHeight / source.Height));
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        using var resized = source.Resize(source.Info.WithSize(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = SKImage.FromBitmap(resized);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static ImageFormat? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageFormat.Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ImageFormat.Jpeg;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }

        return head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? ImageFormat.WebP : null;
    }

    private static bool LooksLikeSvg(byte[] data)
    {
        var head = System.Text.Encoding.UTF8.GetString(data, 0, Math.Min(data.Length, 1024)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && head.Contains("<svg", StringComparison.OrdinalIgnoreCase));
    }
}
