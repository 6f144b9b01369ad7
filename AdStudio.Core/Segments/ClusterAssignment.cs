namespace AdStudio.Core.Segments;

/// <summary>Which cluster of the latest clustering a shopper fell into.</summary>
public sealed class ClusterAssignment
{
    public required string ShopperId { get; set; }

    public required string ClusterKey { get; set; }
}
