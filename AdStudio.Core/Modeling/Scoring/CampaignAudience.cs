namespace AdStudio.Core.Modeling.Scoring;

/// <summary>
/// A campaign's predicted audience from the latest <c>score</c> run: how many target shoppers were scored, how many
/// reach the likely-clicker threshold, and the expected clicks and value; the best shoppers are in <see cref="Members"/>.
/// </summary>
public sealed class CampaignAudience
{
    public int CampaignId { get; set; }

    public DateTime ScoredAt { get; set; }

    public int CtrModelId { get; set; }

    public int? CvrModelId { get; set; }

    /// <summary>Target shoppers scored (include segments, minus exclude segments; everyone when the campaign has no include target).</summary>
    public int Shoppers { get; set; }

    /// <summary>The predicted click probability a shopper needs to count as a likely clicker (lift × the campaign's smoothed CTR).</summary>
    public double Threshold { get; set; }

    public int AboveThreshold { get; set; }

    /// <summary>Σ pCTR: expected clicks if every scored shopper saw the campaign's best creative once.</summary>
    public double ExpectedClicks { get; set; }

    /// <summary>Σ expected value per impression over scored shoppers (money, under the campaign's bid type).</summary>
    public double ExpectedValue { get; set; }

    public List<CampaignAudienceMember> Members { get; set; } = [];
}
