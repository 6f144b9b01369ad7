namespace AdStudio.Core.Creatives.Audit;

/// <summary>The placement a creative's image fits and how much copy that placement shows (null limit: none configured).</summary>
public sealed record PlacementCopyLimit(string? Placement, int Width, int Height, CopyLimit? Limit);
