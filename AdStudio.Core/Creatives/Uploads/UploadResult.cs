namespace AdStudio.Core.Creatives.Uploads;

/// <summary>
/// What became of an upload batch: either every file was stored as a draft (<see cref="Created"/>, in the batch's
/// order) or none was, and <see cref="Refused"/> says which files failed and why.
/// </summary>
public sealed record UploadResult(IReadOnlyList<Creative> Created, IReadOnlyList<RefusedFile> Refused)
{
    public bool IsStored => Refused.Count == 0;

    public static UploadResult Stored(IReadOnlyList<Creative> created) => new(created, []);

    public static UploadResult Rejected(IReadOnlyList<RefusedFile> refused) => new([], refused);
}
