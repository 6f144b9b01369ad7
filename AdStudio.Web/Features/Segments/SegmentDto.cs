using System.Text.Json.Nodes;
using AdStudio.Core.Segments;

namespace AdStudio.Web.Features.Segments;

/// <summary>A segment as the API shows it; <c>size</c> is null when the privacy threshold hides it.</summary>
public sealed record SegmentDto(int Id, string Name, string Kind, int? Size, string? Description, JsonNode? Rule, string? ClusterKey, DateTime? MaterialisedAt)
{
    public static SegmentDto From(Segment s, PrivacyOptions privacy, bool withRule) => new(
        s.Id, s.Name, s.Kind.ToString().ToLowerInvariant(), privacy.Allows(s.Size) ? s.Size : null, s.Description,
        withRule && s.Kind == SegmentKind.Rule ? JsonNode.Parse(s.RuleJson) : null, s.ClusterKey, s.MaterialisedAt);
}
