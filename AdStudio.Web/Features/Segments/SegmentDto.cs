using System.Text.Json.Nodes;
using AdStudio.Core.Privacy;
using AdStudio.Core.Segments;

namespace AdStudio.Web.Features.Segments;

/// <summary>A segment as the API shows it; <c>size</c> is null when the privacy threshold hides it.</summary>
public sealed record SegmentDto(int Id, string Name, string Kind, int? Size, string? Description, JsonNode? Rule, string? ClusterKey, DateTime? MaterialisedAt)
{
    public static SegmentDto From(Segment segment, PrivacyOptions privacy, bool withRule) => new(
        segment.Id, segment.Name, segment.Kind.ToString().ToLowerInvariant(), SmallGroups.Size(privacy, segment.Size), segment.Description,
        withRule && segment.Kind == SegmentKind.Rule ? JsonNode.Parse(segment.RuleJson) : null, segment.ClusterKey, segment.MaterialisedAt);
}
