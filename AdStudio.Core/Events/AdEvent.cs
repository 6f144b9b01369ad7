namespace AdStudio.Core.Events;

/// <summary>
/// An impression, click or conversion of one serving decision. (DecisionId, Type) is unique,
/// so a repeated report of the same event is counted once.
/// </summary>
public sealed class AdEvent
{
    public long Id { get; set; }

    public AdEventType Type { get; set; }

    public required string DecisionId { get; set; }

    /// <summary>Null when the shopper had not consented to measurement: the event still counts, but not towards anyone.</summary>
    public string? ShopperId { get; set; }

    public int CampaignId { get; set; }

    public int CreativeId { get; set; }

    public int? ExperimentId { get; set; }

    public int? VariantId { get; set; }

    public string? Placement { get; set; }

    /// <summary>What the advertiser is charged for this event under the campaign's bid type.</summary>
    public double Cost { get; set; }

    public double Revenue { get; set; }

    public DateTime OccurredAt { get; set; }
}
