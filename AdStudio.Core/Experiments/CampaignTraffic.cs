namespace AdStudio.Core.Experiments;

/// <summary>A campaign's recent reach and the conversion rate of the shoppers it reached.</summary>
public sealed record CampaignTraffic(double ShoppersPerDay, double ConversionRate);
