using System.Collections.Frozen;

namespace AdStudio.Core.Events;

/// <summary>
/// What makes a behaviour event valid, for every way events come in (<c>POST /events</c> and the CSV import): the
/// type names, the fields each type requires, the longest texts and the number bounds. Each way in phrases its own
/// messages (an API problem or a CSV report line); the rules themselves live only here. Timestamps follow
/// <see cref="EventTimestamps"/>.
/// </summary>
public static class BehaviourEventRules
{
    /// <summary>Longest shopper id, in characters.</summary>
    public const int MaxShopperIdLength = 128;

    /// <summary>Longest <c>category</c>, <c>productId</c> or <c>query</c>, in characters.</summary>
    public const int MaxTextLength = 256;

    /// <summary>Longest client event id, in characters (see <see cref="BehaviourEvent.EventId"/>).</summary>
    public const int MaxEventIdLength = 64;

    private static readonly FrozenDictionary<string, BehaviourEventType> TypesByName =
        Enum.GetValues<BehaviourEventType>().ToFrozenDictionary(NameOf, type => type, StringComparer.Ordinal);

    private static readonly string[] ProductFields = [EventFields.Category, EventFields.ProductId];
    private static readonly string[] PurchaseFields = [EventFields.Category, EventFields.ProductId, EventFields.Amount];
    private static readonly string[] SearchFields = [EventFields.Query];

    /// <summary>The wire names of the behaviour event types, in the order messages list them.</summary>
    public static IReadOnlyList<string> TypeNames { get; } = [.. Enum.GetValues<BehaviourEventType>().Select(NameOf)];

    /// <summary>The type a wire name stands for (exact, lower case), or null.</summary>
    public static BehaviourEventType? ParseType(string? name) =>
        name is not null && TypesByName.TryGetValue(name, out var type) ? type : null;

    /// <summary>The wire name of <paramref name="type"/>.</summary>
    public static string NameOf(BehaviourEventType type) => type switch
    {
        BehaviourEventType.View => "view",
        BehaviourEventType.Search => "search",
        BehaviourEventType.AddToCart => "add_to_cart",
        BehaviourEventType.Purchase => "purchase",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The fields (by wire name, see <see cref="EventFields"/>) an event of <paramref name="type"/> must carry besides shopper, type and timestamp.</summary>
    public static IReadOnlyList<string> RequiredFields(BehaviourEventType type) => type switch
    {
        BehaviourEventType.Search => SearchFields,
        BehaviourEventType.Purchase => PurchaseFields,
        _ => ProductFields,
    };

    /// <summary>Whether a text field (category, product id, query) is short enough.</summary>
    public static bool IsTextShortEnough(string? value) => value is not { Length: > MaxTextLength };

    /// <summary>Whether an amount, dwell time or revenue lies from 0 to <paramref name="max"/> (a configured bound); NaN and infinities do not.</summary>
    public static bool IsWithin(double value, double max) => double.IsFinite(value) && value >= 0 && value <= max;
}
