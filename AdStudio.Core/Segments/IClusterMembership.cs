namespace AdStudio.Core.Segments;

/// <summary>The members of each cluster of the latest clustering, by cluster key; empty before any clustering.</summary>
public interface IClusterMembership
{
    Task<IReadOnlyDictionary<string, List<string>>> LatestAsync(CancellationToken ct);
}
