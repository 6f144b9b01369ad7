using AdStudio.Core.Events;

namespace AdStudio.Web.Features.Events;

/// <summary>The wire names of event types and what each maps to: behaviour types from <see cref="BehaviourEventRules"/>, then the ad event types, then consent.</summary>
public static class EventTypes
{
    private static readonly Dictionary<string, AdEventType> AdTypesByName = new(StringComparer.Ordinal)
    {
        ["impression"] = AdEventType.Impression,
        ["click"] = AdEventType.Click,
        ["conversion"] = AdEventType.Conversion,
    };

    /// <summary>A shopper's consent per purpose (personalisation, measurement).</summary>
    public const string Consent = "consent";

    public static IEnumerable<string> Names => BehaviourEventRules.TypeNames.Concat(AdTypesByName.Keys).Append(Consent);

    public static EventKind? Parse(string? name) =>
        BehaviourEventRules.ParseType(name) is { } behaviour ? new(behaviour, null)
        : name is not null && AdTypesByName.TryGetValue(name, out var ad) ? new(null, ad)
        : name == Consent ? new(null, null, IsConsent: true)
        : null;

    /// <summary>Exactly one of the three is set.</summary>
    public readonly record struct EventKind(BehaviourEventType? Behaviour, AdEventType? Ad, bool IsConsent = false);
}
