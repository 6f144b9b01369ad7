namespace AdStudio.Core.Serving;

/// <summary>
/// A running experiment of a campaign: variant ids, their creatives and weights, control first, and the
/// weight-averaged smoothed CTR of its arms, with which every arm competes for the impression.
/// </summary>
public sealed record ServingExperiment(int Id, int[] VariantIds, int[] CreativeIds, double[] Weights, double PooledCtr = 0);
