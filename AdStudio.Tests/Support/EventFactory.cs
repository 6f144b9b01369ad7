using AdStudio.Core.Events;

namespace AdStudio.Tests.Support;

/// <summary>Ad and behaviour events with sensible defaults for storage tests.</summary>
public static class EventFactory
{
    public static readonly DateTime Day = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    public static AdEvent Ad(AdEventType type, string decisionId, int campaignId = 1, int creativeId = 11,
        double cost = 0, double revenue = 0, DateTime? at = null, int? variantId = null) => new()
        {
            Type = type,
            DecisionId = decisionId,
            ShopperId = "shopper-1",
            CampaignId = campaignId,
            CreativeId = creativeId,
            ExperimentId = variantId is null ? null : 1,
            VariantId = variantId,
            Placement = "sidebar",
            Cost = cost,
            Revenue = revenue,
            OccurredAt = at ?? Day,
        };

    public static BehaviourEvent View(string shopperId, string category = "Electronics") => new()
    {
        ShopperId = shopperId,
        Type = BehaviourEventType.View,
        Category = category,
        ProductId = "p-1",
        DwellSeconds = 12.5,
        OccurredAt = Day,
    };
}
