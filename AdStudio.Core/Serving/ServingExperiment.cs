namespace AdStudio.Core.Serving;

/// <summary>
/// A running experiment of a campaign: variant ids, their creatives and weights, control first. Each placement
/// resolves the arms' creatives once (<see cref="CampaignCandidate"/>).
/// </summary>
public sealed record ServingExperiment(int Id, int[] VariantIds, int[] CreativeIds, double[] Weights);
