using System.Text.Json.Nodes;

namespace AdStudio.Web.Features.Segments;

/// <summary>An editable rule tree for the builder; converts to and from the stored JSON.</summary>
public sealed class RuleModel
{
    public bool Any { get; set; }

    public List<RuleModel> Groups { get; } = [];

    public List<ConditionModel> Conditions { get; } = [];

    public JsonObject ToJson()
    {
        var items = new JsonArray();
        foreach (var c in Conditions)
        {
            items.Add(c.ToJson());
        }

        foreach (var g in Groups)
        {
            items.Add(g.ToJson());
        }

        return new JsonObject { [Any ? "any" : "all"] = items };
    }

    /// <summary>Best-effort reading of a stored rule; parts the builder cannot show are dropped (the stored rule is validated on save).</summary>
    public static RuleModel FromJson(JsonNode? node)
    {
        var model = new RuleModel();
        if (node is not JsonObject obj)
        {
            return model;
        }

        model.Any = obj.ContainsKey("any");
        if ((obj["all"] ?? obj["any"]) is JsonArray items)
        {
            foreach (var item in items.OfType<JsonObject>())
            {
                if (item.ContainsKey("all") || item.ContainsKey("any"))
                {
                    model.Groups.Add(FromJson(item));
                }
                else
                {
                    model.Conditions.Add(ConditionModel.FromJson(item));
                }
            }
        }

        return model;
    }
}
