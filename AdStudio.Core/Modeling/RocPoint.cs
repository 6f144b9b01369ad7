namespace AdStudio.Core.Modeling;

/// <summary>A point of an ROC curve: false positive rate and true positive rate at one threshold.</summary>
public sealed record RocPoint(double FalsePositiveRate, double TruePositiveRate);
