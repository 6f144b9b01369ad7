using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdStudio.Core.Segments.Rules;

/// <summary>
/// Parses and validates segment rules stored as JSON:
/// <code>{"all":[{"field":"spend_90d","op":"&gt;=","value":100},
///        {"any":[{"field":"region","op":"in","values":["north","east"]},
///                {"field":"interest","category":"books","op":"&gt;=","value":0.3}]}]}</code>
/// Every problem is reported with its path (<c>all[1].any[0].values</c>) instead of throwing.
/// </summary>
public static class SegmentRule
{
    public const int MaxDepth = 8;
    public const int MaxConditions = 100;

    /// <summary>At most this many values in one <c>in</c>/<c>not_in</c> list.</summary>
    public const int MaxListValues = 1000;

    private static readonly JsonDocumentOptions NoDuplicates = new() { AllowDuplicateProperties = false };

    public static (RuleNode? Rule, IReadOnlyList<string> Errors) Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, ["The rule is empty; start with {\"all\": [ … ]}."]);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: NoDuplicates);
        }
        catch (JsonException ex)
        {
            return (null, [$"The rule is not valid JSON: {ex.Message.Split(" Path:")[0]}"]);
        }

        return Parse(node);
    }

    public static (RuleNode? Rule, IReadOnlyList<string> Errors) Parse(JsonNode? node)
    {
        var errors = new List<string>();
        var count = 0;
        var rule = Node(node, "rule", 0, errors, ref count);
        if (rule is not (AllOf or AnyOf) && errors.Count == 0)
        {
            errors.Add("rule: the top level must be a group, {\"all\": [ … ]} or {\"any\": [ … ]}.");
        }

        return errors.Count == 0 ? (rule, errors) : (null, errors);
    }

    private static RuleNode? Node(JsonNode? node, string path, int depth, List<string> errors, ref int count)
    {
        if (node is not JsonObject obj)
        {
            errors.Add($"{path}: expected an object (a group or a condition).");
            return null;
        }

        if (depth > MaxDepth)
        {
            errors.Add($"{path}: groups nest at most {MaxDepth} deep.");
            return null;
        }

        if (obj["all"] is { } all || obj["any"] is { })
        {
            var key = obj.ContainsKey("all") ? "all" : "any";
            if (obj[key] is not JsonArray items || items.Count == 0)
            {
                errors.Add($"{path}.{key}: a group needs a non-empty list of conditions.");
                return null;
            }

            var children = new List<RuleNode>();
            for (var i = 0; i < items.Count; i++)
            {
                if (Node(items[i], $"{path}.{key}[{i}]", depth + 1, errors, ref count) is { } child)
                {
                    children.Add(child);
                }
            }

            return key == "all" ? new AllOf(children) : new AnyOf(children);
        }

        if (++count > MaxConditions)
        {
            errors.Add($"{path}: a rule holds at most {MaxConditions} conditions.");
            return null;
        }

        return Condition(obj, path, errors);
    }

    private static RuleNode? Condition(JsonObject obj, string path, List<string> errors)
    {
        var field = Text(obj["field"]);
        var op = Text(obj["op"]);
        if (field is null)
        {
            errors.Add($"{path}: a condition needs a \"field\" (or a group needs \"all\"/\"any\").");
            return null;
        }

        if (RuleFields.Lists.ContainsKey(field))
        {
            if (op is not ("in" or "not_in"))
            {
                errors.Add($"{path}.op: {field} is compared with \"in\" or \"not_in\".");
                return null;
            }

            if (obj["values"] is not JsonArray values || values.Count == 0)
            {
                errors.Add($"{path}.values: give a non-empty list of text values.");
                return null;
            }

            if (values.Count > MaxListValues)
            {
                errors.Add($"{path}.values: a list holds at most {MaxListValues} values; this one has {values.Count}.");
                return null;
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (Text(values[i]) is null)
                {
                    errors.Add($"{path}.values[{i}]: each value is a non-empty text, not {(values[i] is { } item ? item.GetValueKind().ToString().ToLowerInvariant() : "null")}.");
                    return null;
                }
            }

            return new ListCondition(field, op == "not_in", [.. values.Select(v => Text(v)!)]);
        }

        var isInterest = field == RuleFields.Interest;
        if (!isInterest && !RuleFields.Numbers.ContainsKey(field))
        {
            errors.Add($"{path}.field: unknown field \"{field}\". Use one of: {string.Join(", ", RuleFields.Numbers.Keys.Concat(RuleFields.Lists.Keys).Append(RuleFields.Interest))}.");
            return null;
        }

        if (op is null || !RuleFields.NumericOperators.Contains(op))
        {
            errors.Add($"{path}.op: {field} is compared with one of {string.Join(" ", RuleFields.NumericOperators)}.");
            return null;
        }

        if (obj["value"] is not JsonValue jsonValue || !jsonValue.TryGetValue<double>(out var number) || !double.IsFinite(number))
        {
            errors.Add($"{path}.value: give a number.");
            return null;
        }

        if (!isInterest)
        {
            return new NumberCondition(field, op, number);
        }

        if (Text(obj["category"]) is not { } category)
        {
            errors.Add($"{path}.category: say which category's interest to test.");
            return null;
        }

        if (number is < 0 or > 1)
        {
            errors.Add($"{path}.value: interest is a share between 0 and 1.");
            return null;
        }

        return new InterestCondition(category, op, number);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue jsonValue && jsonValue.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
