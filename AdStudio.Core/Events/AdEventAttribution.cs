using AdStudio.Core.Campaigns;
using AdStudio.Core.Serving;

namespace AdStudio.Core.Events;

/// <summary>Turns a reported ad event into a stored one, attributed and charged from its decision's ticket.</summary>
public static class AdEventAttribution
{
    public static AdEvent Attribute(
        AdEventType type,
        string decisionId,
        in DecisionTicket ticket,
        string shopperId,
        DateTime occurredAt,
        double revenue,
        IReadOnlyList<string> placementNames) => new()
        {
            Type = type,
            DecisionId = decisionId,
            ShopperId = shopperId,
            CampaignId = ticket.CampaignId,
            CreativeId = ticket.CreativeId,
            ExperimentId = ticket.ExperimentIdOrNull,
            VariantId = ticket.VariantIdOrNull,
            Placement = ticket.PlacementIndex < placementNames.Count ? placementNames[ticket.PlacementIndex] : null,
            Cost = Billing.Charge(ticket.BidType, ticket.Bid, type),
            Revenue = type == AdEventType.Conversion ? revenue : 0,
            OccurredAt = occurredAt,
        };
}
