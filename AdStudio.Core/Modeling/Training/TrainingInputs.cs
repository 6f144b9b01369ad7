using AdStudio.Core.Events;

namespace AdStudio.Core.Modeling.Training;

/// <summary>A behaviour event on a shopper's timeline.</summary>
public sealed record TimelineEvent(string ShopperId, DateTime At, BehaviourEventType Type, string? Category, double? Amount = null);

/// <summary>An impression, when the shopper clicked it (if they did) and whether the click converted.</summary>
/// <param name="Personalised">False when the shopper does not allow personalisation: the row describes them as an unknown visitor (context only).</param>
public sealed record TimelineImpression(string ShopperId, DateTime At, int CreativeId, string Placement, DateTime? ClickedAt, bool Converted = false, bool Personalised = true);

/// <summary>What a model may know about a creative.</summary>
public sealed record CreativeFacts(int Id, string Category, double Discount, int HeadlineLength)
{
    public static CreativeFacts Of(Creatives.Creative creative) => new(creative.Id, creative.Category, creative.Discount, creative.Headline.Length);
}
