namespace AdStudio.Core.Reporting;

/// <summary>The grain of <see cref="DailyRollup"/>.</summary>
public readonly record struct RollupKey(DateOnly Date, int CampaignId, int CreativeId, int VariantId);
