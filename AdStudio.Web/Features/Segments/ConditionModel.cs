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

    public static ConditionModel FromJson(JsonObject o) => new()
    {
        Field = o["field"]?.GetValue<string>() ?? "spend_90d",
        Operator = o["op"]?.GetValue<string>() ?? ">=",
        Value = o["value"] is JsonValue v && v.TryGetValue<double>(out var d) ? d : 0,
        Category = o["category"]?.GetValue<string>() ?? "",
        Values = o["values"] is JsonArray a ? string.Join(", ", a.Select(x => x?.ToString() ?? "")) : "",
    };

    public static string Describe(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
