namespace AdStudio.Core.Segments.Clustering;

/// <summary>
/// Keeps cluster identities across runs: each new centre takes the key of the nearest previous centre
/// (closest pairs first, each old key used once) when it lies within <see cref="MaxDistance"/> in
/// standardised units; otherwise it gets a fresh key.
/// </summary>
public static class ClusterKeys
{
    public const double MaxDistance = 1.5;

    public static string[] Assign(IReadOnlyList<float[]> centroids, IReadOnlyList<(string Key, float[] Centroid)> previous, Func<string> newKey)
    {
        var keys = new string?[centroids.Count];
        var pairs = new List<(int New, int Old, double Distance)>();
        for (var i = 0; i < centroids.Count; i++)
        {
            for (var j = 0; j < previous.Count; j++)
            {
                if (previous[j].Centroid.Length == centroids[i].Length)
                {
                    pairs.Add((i, j, Silhouette.Distance(centroids[i], previous[j].Centroid)));
                }
            }
        }

        var usedOld = new HashSet<int>();
        foreach (var (n, o, d) in pairs.Where(p => p.Distance <= MaxDistance).OrderBy(p => p.Distance))
        {
            if (keys[n] is null && usedOld.Add(o))
            {
                keys[n] = previous[o].Key;
            }
        }

        return [.. keys.Select(k => k ?? newKey())];
    }
}
