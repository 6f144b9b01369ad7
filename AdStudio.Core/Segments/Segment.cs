namespace AdStudio.Core.Segments;

/// <summary>A named audience: defined by a rule over shopper attributes and profile features, or by a cluster.</summary>
public sealed class Segment
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public SegmentKind Kind { get; set; }

    public string? Description { get; set; }

    /// <summary>The rule as JSON; empty for cluster segments.</summary>
    public string RuleJson { get; set; } = "{}";

    /// <summary>For a segment adopted from clustering: the stable key of its cluster.</summary>
    public string? ClusterKey { get; set; }

    public bool IsArchived { get; set; }

    /// <summary>Size of the last materialised membership.</summary>
    public int Size { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? MaterialisedAt { get; set; }
}
