namespace AdStudio.Core.Creatives.Images;

/// <summary>The image formats a creative may use, judged by content.</summary>
public enum ImageFormat
{
    Png,
    Jpeg,
    Gif,
    WebP,
}
