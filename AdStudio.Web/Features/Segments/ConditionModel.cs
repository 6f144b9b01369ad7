using System.Globalization;
using System.Text.Json.Nodes;
using AdStudio.Core.Segments.Rules;

namespace AdStudio.Web.Features.Segments;

/// <summary>One condition row of the builder.</summary>
public sealed class ConditionModel
{
    public string Field { get; set; } = "spend_90d";

    public string Operator { get; set; } = ">=";

    public double Value { get; set; }

    public string Category { get; set; } = "";

    /// <summary>Comma-separated values for <c>in</c> / <c>not_in</c>.</summary>
    public string Values { get; set; } = "";

    public bool IsList => RuleFields.Lists.ContainsKey(Field);

    public bool IsInterest => Field == RuleFields.Interest;

    /// <summary>The interest share a new interest condition starts from (0–1).</summary>
    public const double DefaultInterestShare = 0.3;

    // Where a numeric condition starts when its field is chosen: a comparison that reads naturally and matches
    // some shoppers ("visited in the last 30 days"), never a leftover value of another field's scale.
    private static readonly Dictionary<string, (string Operator, double Value)> NumericStarts = new(StringComparer.Ordinal)
    {
        ["days_since_last_visit"] = ("<=", 30),
        ["days_since_last_purchase"] = ("<=", 90),
        ["visits_7d"] = (">=", 1),
        ["visits_30d"] = (">=", 2),
        ["purchases_7d"] = (">=", 1),
        ["purchases_30d"] = (">=", 1),
        ["spend_30d"] = (">=", 50),
        ["spend_90d"] = (">=", 100),
        ["avg_dwell_seconds"] = (">=", 60),
        ["price_sensitivity"] = (">=", 0.5),
    };

    /// <summary>
    /// Switches the condition to <paramref name="field"/> and resets operator, value, category and list values to a
    /// valid start for that field: a numeric default for a number, the first category for an interest, and for a
    /// list field the first value shoppers have (<paramref name="knownValues"/>; categories for <c>top_category</c>).
    /// </summary>
    public void SwitchField(string field, IReadOnlyList<string> categories, IReadOnlyDictionary<string, IReadOnlyList<string>>? knownValues = null)
    {
        Field = field;
        Value = 0;
        Category = "";
        Values = "";
        if (IsList)
        {
            Operator = RuleFields.ListOperators[0];
            var known = field == "top_category" && categories.Count > 0 ? categories : knownValues?.GetValueOrDefault(field);
            Values = known is { Count: > 0 } ? known[0] : "";
        }
        else if (IsInterest)
        {
            Operator = ">=";
            Value = DefaultInterestShare;
            Category = categories.Count > 0 ? categories[0] : "";
        }
        else
        {
            (Operator, Value) = NumericStarts.GetValueOrDefault(field, (">=", 0));
        }
    }

    public JsonObject ToJson()
    {
        if (IsList)
        {
            var values = new JsonArray();
            foreach (var v in Values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                values.Add(v);
            }

            return new JsonObject { ["field"] = Field, ["op"] = Operator is "in" or "not_in" ? Operator : "in", ["values"] = values };
        }

        var condition = new JsonObject { ["field"] = Field, ["op"] = Operator, ["value"] = Value };
        if (IsInterest)
        {
            condition["category"] = Category;
        }

        return condition;
    }

    public static ConditionModel FromJson(JsonObject json) => new()
    {
        Field = json["field"]?.GetValue<string>() ?? "spend_90d",
        Operator = json["op"]?.GetValue<string>() ?? ">=",
        Value = json["value"] is JsonValue jsonValue && jsonValue.TryGetValue<double>(out var number) ? number : 0,
        Category = json["category"]?.GetValue<string>() ?? "",
        Values = json["values"] is JsonArray array ? string.Join(", ", array.Select(x => x?.ToString() ?? "")) : "",
    };

    public static string Describe(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
