using AdStudio.Core.Events;

namespace AdStudio.Web.Features.Events;

/// <summary>The wire names of event types and what each maps to: behaviour types from <see cref="BehaviourEventRules"/>, then the ad event types.</summary>
public static class EventTypes
{
    private static readonly Dictionary<string, AdEventType> AdTypesByName = new(StringComparer.Ordinal)
    {
        ["impression"] = AdEventType.Impression,
        ["click"] = AdEventType.Click,
        ["conversion"] = AdEventType.Conversion,
    };

    public static IEnumerable<string> Names => BehaviourEventRules.TypeNames.Concat(AdTypesByName.Keys);

    public static EventKind? Parse(string? name) =>
        BehaviourEventRules.ParseType(name) is { } behaviour ? new(behaviour, null)
        : name is not null && AdTypesByName.TryGetValue(name, out var ad) ? new(null, ad)
        : null;

    /// <summary>Exactly one of the two is set.</summary>
    public readonly record struct EventKind(BehaviourEventType? Behaviour, AdEventType? Ad);
}
