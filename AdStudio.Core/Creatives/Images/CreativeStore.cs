using System.Security.Cryptography;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;

namespace AdStudio.Core.Creatives.Images;

/// <summary>
/// Keeps uploaded images in the file store (<see cref="IFileStore"/>: the data folder, or the database every node shares)
/// under <c>creatives/</c> and the SHA-256 of their clean bytes, never under a name a user chose, so paths cannot be
/// steered and the same image is stored once. Files are served from <see cref="PublicPrefix"/>.
/// </summary>
public sealed class CreativeStore(IFileStore files)
{
    public const string PublicPrefix = "/creatives/files/";

    /// <summary>The store folder images live in.</summary>
    public const string StoreFolder = "creatives";

    /// <summary>
    /// Starts a set of writes that is undone unless kept: an upload batch writes its files in the transaction of its
    /// rows and keeps them only once the rows are committed, so a failure midway leaves no file behind.
    /// </summary>
    public StoreBatch BeginBatch() => new(files.BeginBatch());

    /// <summary>Writes an image and its thumbnail (once per content) in <paramref name="db"/>'s transaction.</summary>
    internal static async Task<StoredImage> SaveAsync(IFileBatch batch, AdStudioDb db, InspectedImage image, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(image.Clean));
        var file = $"{hash}.{image.Extension}";
        var thumb = $"{hash}-thumb.png";
        await batch.AddOnceAsync(db, StorePathOf(file), image.Clean, ct);
        await batch.AddOnceAsync(db, StorePathOf(thumb), image.Thumbnail, ct);
        return new StoredImage(hash, PublicPrefix + file, PublicPrefix + thumb);
    }

    /// <summary>The stored bytes for a public file name, or null when the name is not one this store makes or there is no such file.</summary>
    public Task<byte[]?> ReadAsync(string fileName, CancellationToken ct) =>
        IsStoreName(fileName) ? files.ReadAsync(StorePathOf(fileName), ct) : Task.FromResult<byte[]?>(null);

    /// <summary>The store path (<c>creatives/&lt;name&gt;</c>) of a public file name.</summary>
    public static string StorePathOf(string fileName) => $"{StoreFolder}/{fileName}";

    public static string ContentTypeOf(string fileName) => Path.GetExtension(fileName) switch
    {
        ".jpg" => "image/jpeg",
        ".webp" => "image/webp",
        _ => "image/png",
    };

    /// <summary>64 hex characters, an optional "-thumb", and one of the extensions the store writes.</summary>
    public static bool IsStoreName(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 64)
        {
            return false;
        }

        var stem = name[..dot];
        var extension = name[(dot + 1)..];
        var hash = stem.EndsWith("-thumb", StringComparison.Ordinal) ? stem[..^6] : stem;
        return hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower) && extension is "png" or "jpg" or "webp";
    }
}
