namespace AdStudio.Core.Segments;

/// <summary>Materialised membership: the shopper belongs to the segment as of its last materialisation.</summary>
public sealed class SegmentMember
{
    public int SegmentId { get; set; }

    public required string ShopperId { get; set; }
}
