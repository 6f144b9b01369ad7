using AdStudio.Core.Creatives.Images;

namespace AdStudio.Core.Creatives.Uploads;

/// <summary>A file that passed every check, with the image decoded by that check: what is stored, so nothing decodes it again.</summary>
public sealed record CheckedUpload(string? FileName, InspectedImage Image);
