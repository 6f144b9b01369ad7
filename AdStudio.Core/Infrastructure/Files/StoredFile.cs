namespace AdStudio.Core.Infrastructure.Files;

/// <summary>
/// A file kept in the database (a trained model, a creative image), so every node that shares the database can read it
/// without a shared folder.
/// </summary>
public sealed class StoredFile
{
    /// <summary>The file's name within AdStudio's store, such as <c>models/ctr-12.zip</c> (forward slashes).</summary>
    public required string Path { get; set; }

    public required byte[] Content { get; set; }

    public long Length { get; set; }

    public DateTime StoredAt { get; set; }
}
