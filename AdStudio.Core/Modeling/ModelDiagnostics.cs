namespace AdStudio.Core.Modeling;

/// <summary>What the Models page draws for a version: its ROC curve, reliability bins and permutation feature importance.</summary>
public sealed record ModelDiagnostics(IReadOnlyList<RocPoint> Roc, IReadOnlyList<ReliabilityBin> Reliability, IReadOnlyList<FeatureImportance> Importance)
{
    public static ModelDiagnostics None { get; } = new([], [], []);
}
