namespace AdStudio.Core.Segments;

/// <summary>A segment's size when it was materialised, for its size-over-time chart.</summary>
public sealed class SegmentSizePoint
{
    public long Id { get; set; }

    public int SegmentId { get; set; }

    public DateTime At { get; set; }

    public int Size { get; set; }
}
