namespace AdStudio.Core.Creatives.Images;

/// <summary>
/// An upload that proved to be an image: its format and size, and the pixels re-encoded into a clean file
/// (nothing of the original bytes survives, so a polyglot's hidden payload is dropped) plus a PNG thumbnail
/// made from the same decoded pixels.
/// </summary>
public sealed record InspectedImage(ImageFormat Format, int Width, int Height, byte[] Clean, string Extension, string ContentType, byte[] Thumbnail);
