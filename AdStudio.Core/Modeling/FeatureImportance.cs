namespace AdStudio.Core.Modeling;

/// <summary>How much validation AUC falls and log loss rises when a feature (or one-hot group) is shuffled across rows.</summary>
public sealed record FeatureImportance(string Feature, double AucDrop, double LogLossIncrease);
