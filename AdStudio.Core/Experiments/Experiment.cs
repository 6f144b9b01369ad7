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

    /// <summary>False-positive rate of the analysis.</summary>
    public double Alpha { get; set; } = 0.05;

    /// <summary>Analyse with always-valid confidence sequences, so results may be looked at any time.</summary>
    public bool Sequential { get; set; } = true;

    /// <summary>N* of the confidence sequence: the total exposed shoppers the test expects.</summary>
    public double SequentialTuning { get; set; } = 5000;

    /// <summary>Reduce variance with each shopper's pre-experiment spend (CUPED) where a metric allows.</summary>
    public bool UseCuped { get; set; } = true;

    /// <summary>Smallest relative lift worth detecting, from planning.</summary>
    public double MinimumDetectableEffect { get; set; } = 0.1;

    /// <summary>Exposed shoppers per variant the plan calls for; null when not planned.</summary>
    public long? PlannedUnitsPerVariant { get; set; }

    /// <summary>
    /// The <see cref="Results.MetricKey"/> the verdict is decided on; the others are guardrails. Null (experiments created
    /// before it was chosen) means the default for the campaign's objective.
    /// </summary>
    public string? PrimaryMetric { get; set; }

    public List<Variant> Variants { get; set; } = [];
}
