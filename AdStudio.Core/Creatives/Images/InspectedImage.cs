namespace AdStudio.Core.Creatives.Images;

/// <summary>
/// An upload that proved to be an image: its format and size, and the pixels re-encoded into a clean file
/// (nothing of the original bytes survives, so a polyglot's hidden payload is dropped).
/// </summary>
public sealed record InspectedImage(ImageFormat Format, int Width, int Height, byte[] Clean, string Extension, string ContentType);
