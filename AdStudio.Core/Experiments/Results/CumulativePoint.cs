namespace AdStudio.Core.Experiments.Results;

/// <summary>Shopper conversion's relative lift of a treatment over control with everything seen up to the end of a day.</summary>
public sealed record CumulativePoint(DateOnly Day, int VariantId, double Lift, double? Low, double? High);
