namespace AdStudio.Web.Features.Segments;

/// <summary>Answer of <c>POST /api/segments/preview</c>: the rule's size, or null below <c>minSegmentSize</c>.</summary>
public sealed record SegmentPreview(int? Size, int MinSegmentSize);
