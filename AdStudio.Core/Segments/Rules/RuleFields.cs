namespace AdStudio.Core.Segments.Rules;

/// <summary>The fields a segment rule may test, with how each reads from an <see cref="AudienceRow"/>.</summary>
public static class RuleFields
{
    /// <summary>Numeric fields; a missing value (never visited, never purchased) fails every comparison.</summary>
    public static IReadOnlyDictionary<string, Func<AudienceRow, double?>> Numbers { get; } = new Dictionary<string, Func<AudienceRow, double?>>(StringComparer.Ordinal)
    {
        ["days_since_last_visit"] = r => r.DaysSinceLastVisit,
        ["days_since_last_purchase"] = r => r.DaysSinceLastPurchase,
        ["visits_7d"] = r => r.Visits7d,
        ["visits_30d"] = r => r.Visits30d,
        ["purchases_7d"] = r => r.Purchases7d,
        ["purchases_30d"] = r => r.Purchases30d,
        ["spend_30d"] = r => r.Spend30d,
        ["spend_90d"] = r => r.Spend90d,
        ["avg_dwell_seconds"] = r => r.AverageDwellSeconds,
        ["price_sensitivity"] = r => r.PriceSensitivity,
    };

    /// <summary>Fields compared as text (case-insensitively) with <c>in</c> / <c>not_in</c>.</summary>
    public static IReadOnlyDictionary<string, Func<AudienceRow, IEnumerable<string?>>> Lists { get; } = new Dictionary<string, Func<AudienceRow, IEnumerable<string?>>>(StringComparer.Ordinal)
    {
        ["region"] = r => [r.Region],
        ["gender"] = r => [r.Gender],
        ["ageBand"] = r => [r.AgeBand],
        ["preferred_daypart"] = r => [r.PreferredDaypart],
        ["top_category"] = r => r.TopCategories,
    };

    /// <summary>The per-category interest field: <c>{"field":"interest","category":"books","op":"&gt;=","value":0.3}</c>.</summary>
    public const string Interest = "interest";

    public static IReadOnlyList<string> NumericOperators { get; } = [">", ">=", "<", "<=", "=", "!="];

    public static IReadOnlyList<string> ListOperators { get; } = ["in", "not_in"];
}
