namespace AdStudio.Core.Creatives.Images;

/// <summary>Where the store put an image: the SHA-256 of its clean bytes and the public URLs of the image and its thumbnail.</summary>
public sealed record StoredImage(string Hash, string ImageUrl, string ThumbnailUrl);
