namespace AdStudio.Core.Campaigns;

/// <summary>A campaign field that is not valid, and what to do about it.</summary>
public sealed record CampaignFinding(string Field, string Message);
