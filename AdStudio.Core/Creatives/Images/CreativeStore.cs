using System.Security.Cryptography;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Creatives.Images;

/// <summary>
/// Keeps uploaded images in the data folder under the SHA-256 of their clean bytes, never under a name a
/// user chose, so paths cannot be steered and the same image is stored once. Files are served from
/// <see cref="PublicPrefix"/>.
/// </summary>
public sealed class CreativeStore(DataPaths paths)
{
    public const string PublicPrefix = "/creatives/files/";

    public string Folder => Path.Combine(paths.Directory, "creatives");

    /// <summary>
    /// Starts a set of writes that is undone unless kept: an upload batch writes its files first and keeps them only
    /// once its database rows are committed, so a failure midway leaves no file behind.
    /// </summary>
    public StoreBatch BeginBatch() => new(this);

    /// <summary>Writes an image and its thumbnail (once per content); <paramref name="created"/> gets the paths this call made.</summary>
    internal async Task<StoredImage> SaveAsync(InspectedImage image, List<string> created, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(image.Clean));
        Directory.CreateDirectory(Folder);
        var file = $"{hash}.{image.Extension}";
        var thumb = $"{hash}-thumb.png";
        await WriteOnceAsync(Path.Combine(Folder, file), image.Clean, created, ct);
        await WriteOnceAsync(Path.Combine(Folder, thumb), image.Thumbnail, created, ct);
        return new StoredImage(hash, PublicPrefix + file, PublicPrefix + thumb);
    }

    /// <summary>The stored file for a public file name, or null when the name is not one this store makes.</summary>
    public string? Resolve(string fileName)
    {
        if (!IsStoreName(fileName))
        {
            return null;
        }

        var path = Path.Combine(Folder, fileName);
        return File.Exists(path) ? path : null;
    }

    public static string ContentTypeOf(string fileName) => Path.GetExtension(fileName) switch
    {
        ".jpg" => "image/jpeg",
        ".webp" => "image/webp",
        _ => "image/png",
    };

    /// <summary>64 hex characters, an optional "-thumb", and one of the extensions the store writes.</summary>
    private static bool IsStoreName(string name)
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

    private static async Task WriteOnceAsync(string path, byte[] bytes, List<string> created, CancellationToken ct)
    {
        if (File.Exists(path))
        {
            return;
        }

        // Write beside, then move: a reader never sees half a file, and a failed write leaves no temporary file.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, bytes, ct);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        created.Add(path);
    }
}
