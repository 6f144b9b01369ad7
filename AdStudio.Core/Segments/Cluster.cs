namespace AdStudio.Core.Segments;

/// <summary>
/// A group of similar shoppers found by the latest clustering. The key survives reruns when a new cluster's
/// centre lies close to an old one, so adopted segments keep following "the same" shoppers.
/// </summary>
public sealed class Cluster
{
    public required string Key { get; set; }

    /// <summary>Generated description of what sets the cluster apart, e.g. "High spend · Electronics · Evenings".</summary>
    public required string Label { get; set; }

    public int Size { get; set; }

    /// <summary>Centre in standardised feature space, as JSON, for matching clusters across runs.</summary>
    public string CentroidJson { get; set; } = "[]";

    public DateTime RunAt { get; set; }
}
