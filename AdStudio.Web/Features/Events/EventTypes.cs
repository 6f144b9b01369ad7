using AdStudio.Core.Events;

namespace AdStudio.Web.Features.Events;

/// <summary>The wire names of event types and what each maps to.</summary>
public static class EventTypes
{
    private static readonly Dictionary<string, EventKind> ByName = new(StringComparer.Ordinal)
    {
        ["view"] = new(BehaviourEventType.View, null),
        ["search"] = new(BehaviourEventType.Search, null),
        ["add_to_cart"] = new(BehaviourEventType.AddToCart, null),
        ["purchase"] = new(BehaviourEventType.Purchase, null),
        ["impression"] = new(null, AdEventType.Impression),
        ["click"] = new(null, AdEventType.Click),
        ["conversion"] = new(null, AdEventType.Conversion),
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static EventKind? Parse(string? name) =>
        name is not null && ByName.TryGetValue(name, out var kind) ? kind : null;

    /// <summary>Exactly one of the two is set.</summary>
    public readonly record struct EventKind(BehaviourEventType? Behaviour, AdEventType? Ad);
}
