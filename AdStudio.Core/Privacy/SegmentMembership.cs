namespace AdStudio.Core.Privacy;

/// <summary>A segment a shopper belongs to, named, in an access document.</summary>
public sealed record SegmentMembership(int SegmentId, string SegmentName);
