using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdStudio.Web.Features.Segments;

/// <summary>Body of segment create and update; <c>rule</c> is the rule object itself.</summary>
public sealed class SegmentRequest
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>
    /// A <see cref="JsonElement"/> rather than a <c>JsonNode</c>: the serializer refuses a duplicate key inside an
    /// element with a <see cref="JsonException"/> and its path, while a <c>JsonNode</c> property throws an
    /// <see cref="ArgumentException"/> without one.
    /// </summary>
    public JsonElement? Rule { get; set; }

    /// <summary>The rule as a node (already free of duplicate keys), or null when the body has none.</summary>
    public JsonNode? RuleNode() =>
        Rule is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } rule ? JsonNode.Parse(rule.GetRawText()) : null;
}
