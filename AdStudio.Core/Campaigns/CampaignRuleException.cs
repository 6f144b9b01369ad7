namespace AdStudio.Core.Campaigns;

/// <summary>A campaign change breaks a rule; <see cref="Findings"/> lists each problem by field.</summary>
public sealed class CampaignRuleException : InvalidOperationException
{
    public CampaignRuleException()
    {
    }

    public CampaignRuleException(string message)
        : base(message)
    {
    }

    public CampaignRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CampaignRuleException(string message, IReadOnlyList<CampaignFinding> findings)
        : base(message) => Findings = findings;

    public IReadOnlyList<CampaignFinding> Findings { get; } = [];
}
