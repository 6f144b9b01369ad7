using System.Text.Json.Nodes;

namespace AdStudio.Web.Features.Segments;

/// <summary>Body of segment create and update; <c>rule</c> is the rule object itself.</summary>
public sealed class SegmentRequest
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public JsonNode? Rule { get; set; }
}
