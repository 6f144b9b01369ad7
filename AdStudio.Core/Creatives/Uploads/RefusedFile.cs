namespace AdStudio.Core.Creatives.Uploads;

/// <summary>A file of a batch that failed a check: its position in the batch, its name as sent, and why, in plain words.</summary>
public sealed record RefusedFile(int Index, string? FileName, string Reason);
