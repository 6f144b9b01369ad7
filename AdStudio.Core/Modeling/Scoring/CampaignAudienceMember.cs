namespace AdStudio.Core.Modeling.Scoring;

/// <summary>One shopper of a campaign's predicted audience, ranked by expected value per impression (1 = best).</summary>
public sealed class CampaignAudienceMember
{
    public int CampaignId { get; set; }

    public int Rank { get; set; }

    public required string ShopperId { get; set; }

    public int CreativeId { get; set; }

    public double ClickProbability { get; set; }

    public double ConversionProbability { get; set; }

    public double ExpectedValue { get; set; }
}
