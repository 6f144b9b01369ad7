using System.Text;
using AdStudio.Core.Creatives.Images;
using SkiaSharp;

namespace AdStudio.Tests.Core.Creatives;

public class ImageInspectorTests
{
    private const long TwoMegabytes = 2 * 1024 * 1024;
    private const long MaxPixels = 16_000_000;

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, ImageFormat.Png, "png")]
    [InlineData(SKEncodedImageFormat.Jpeg, ImageFormat.Jpeg, "jpg")]
    [InlineData(SKEncodedImageFormat.Webp, ImageFormat.WebP, "webp")]
    public void Inspect_RealImage_ReadsFormatAndSize(SKEncodedImageFormat encoding, ImageFormat expected, string extension)
    {
        var image = ImageInspector.Inspect(TestImages.Encode(728, 90, encoding), TwoMegabytes, MaxPixels);

        Assert.Equal((expected, 728, 90, extension), (image.Format, image.Width, image.Height, image.Extension));
        using var decoded = SKBitmap.Decode(image.Clean);
        Assert.Equal(728, decoded.Width);
    }

    [Fact]
    public void Inspect_Gif_IsAcceptedAndStoredAsPng()
    {
        // SkiaSharp cannot write GIF; a hand-made 1×1 GIF stands in for an uploaded one.
        var gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

        var image = ImageInspector.Inspect(gif, TwoMegabytes, MaxPixels);

        Assert.Equal((ImageFormat.Gif, 1, 1, "png"), (image.Format, image.Width, image.Height, image.Extension));
    }

    [Fact]
    public void Inspect_TextRenamedToPng_IsRefusedByContent()
    {
        var error = Assert.Throws<ImageRejectedException>(() =>
            ImageInspector.Inspect(Encoding.UTF8.GetBytes("just some text pretending to be banner.png"), TwoMegabytes, MaxPixels));

        Assert.Contains("not a PNG, JPEG, WebP or GIF", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    public void Inspect_Svg_IsRefusedWithReason(string svg)
    {
        var error = Assert.Throws<ImageRejectedException>(() => ImageInspector.Inspect(Encoding.UTF8.GetBytes(svg), TwoMegabytes, MaxPixels));

        Assert.Contains("SVG is not accepted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_WrongMagicWithImageInside_IsRefused()
    {
        var shifted = new byte[] { 0x00 }.Concat(TestImages.Png()).ToArray();

        Assert.Throws<ImageRejectedException>(() => ImageInspector.Inspect(shifted, TwoMegabytes, MaxPixels));
    }

    [Fact]
    public void Inspect_PngMagicWithGarbage_IsRefusedAsDamaged()
    {
        var png = TestImages.Png();
        var damaged = png.Take(40).Concat(Enumerable.Repeat((byte)0x41, 200)).ToArray();

        var error = Assert.Throws<ImageRejectedException>(() => ImageInspector.Inspect(damaged, TwoMegabytes, MaxPixels));

        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_Polyglot_KeepsOnlyThePixels()
    {
        var payload = Encoding.ASCII.GetBytes("<html><script>steal()</script></html>PK\u0003\u0004zip-payload");
        var polyglot = TestImages.Png().Concat(payload).ToArray();

        var image = ImageInspector.Inspect(polyglot, TwoMegabytes, MaxPixels);

        Assert.Equal((300, 250), (image.Width, image.Height));
        Assert.DoesNotContain("<script>", Encoding.ASCII.GetString(image.Clean), StringComparison.Ordinal);
        Assert.DoesNotContain("zip-payload", Encoding.ASCII.GetString(image.Clean), StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_Oversize_IsRefusedBeforeReading()
    {
        var big = TestImages.Png().Concat(new byte[TwoMegabytes]).ToArray();

        var error = Assert.Throws<ImageRejectedException>(() => ImageInspector.Inspect(big, TwoMegabytes, MaxPixels));

        Assert.Contains("limit is 2.0 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_DecompressionBomb_IsRefusedFromItsHeader()
    {
        var bomb = TestImages.PngBomb(60_000, 60_000);

        var error = Assert.Throws<ImageRejectedException>(() => ImageInspector.Inspect(bomb, TwoMegabytes, MaxPixels));

        Assert.Contains("60000×60000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_Empty_IsRefused() =>
        Assert.Throws<ImageRejectedException>(() => ImageInspector.Inspect([], TwoMegabytes, MaxPixels));

    [Fact]
    public void Inspect_WideImage_MakesThumbnailFromTheSameDecodeWithAspectKeptWithinBox()
    {
        var image = ImageInspector.Inspect(TestImages.Png(728, 90), TwoMegabytes, MaxPixels);

        using var decoded = SKBitmap.Decode(image.Thumbnail);
        Assert.Equal((160, 20), (decoded.Width, decoded.Height));
    }
}
