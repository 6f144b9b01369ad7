using AdStudio.Core.Segments;

namespace AdStudio.Core.Campaigns;

/// <summary>A segment a campaign targets (include) or keeps away from (exclude).</summary>
public sealed class CampaignTarget
{
    public int CampaignId { get; set; }

    public int SegmentId { get; set; }

    public bool Exclude { get; set; }

    public Segment? Segment { get; set; }
}
