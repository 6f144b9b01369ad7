namespace AdStudio.Core.Experiments;

/// <summary>An A/B test between creatives of one campaign; the shopper is the unit of randomisation.</summary>
public sealed class Experiment
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public required string Name { get; set; }

    public string? Hypothesis { get; set; }

    public ExperimentStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? StoppedAt { get; set; }

    public string? Decision { get; set; }

    public string? Rationale { get; set; }

    public List<Variant> Variants { get; set; } = [];
}
