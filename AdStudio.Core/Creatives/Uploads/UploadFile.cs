namespace AdStudio.Core.Creatives.Uploads;

/// <summary>One file of an upload batch as it arrived: the name the sender gave it (a display hint only) and its bytes.</summary>
public sealed record UploadFile(string? FileName, byte[] Data);
