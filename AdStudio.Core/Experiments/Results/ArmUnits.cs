namespace AdStudio.Core.Experiments.Results;

/// <summary>Exposed shoppers of an arm against its configured share.</summary>
public sealed record ArmUnits(int VariantId, string Name, bool IsControl, double Weight, long Units, double ExpectedShare, double ObservedShare);
