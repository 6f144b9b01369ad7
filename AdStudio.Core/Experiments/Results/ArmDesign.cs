namespace AdStudio.Core.Experiments.Results;

/// <summary>A variant as the analysis sees it.</summary>
public sealed record ArmDesign(int VariantId, string Name, int CreativeId, double Weight, bool IsControl);
