namespace AdStudio.Core.Segments.Clustering;

/// <summary>
/// Agreement between two partitions of the same items, corrected for chance (Hubert and Arabie 1985):
/// ARI = (Σ C(nᵢⱼ,2) − [Σ C(aᵢ,2) Σ C(bⱼ,2)] / C(n,2)) / (½[Σ C(aᵢ,2) + Σ C(bⱼ,2)] − [Σ C(aᵢ,2) Σ C(bⱼ,2)] / C(n,2)).
/// 1 is identical, about 0 is chance. Written here because no available package computes it.
/// </summary>
public static class AdjustedRandIndex
{
    public static double Compute(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException("Both partitions must label the same items.", nameof(predicted));
        }

        var table = new Dictionary<(int, int), long>();
        var rows = new Dictionary<int, long>();
        var columns = new Dictionary<int, long>();
        for (var i = 0; i < truth.Count; i++)
        {
            table[(truth[i], predicted[i])] = table.GetValueOrDefault((truth[i], predicted[i])) + 1;
            rows[truth[i]] = rows.GetValueOrDefault(truth[i]) + 1;
            columns[predicted[i]] = columns.GetValueOrDefault(predicted[i]) + 1;
        }

        static double Pairs(long count) => count * (count - 1) / 2.0;
        var index = table.Values.Sum(Pairs);
        var rowPairs = rows.Values.Sum(Pairs);
        var columnPairs = columns.Values.Sum(Pairs);
        var expected = rowPairs * columnPairs / Pairs(truth.Count);
        var max = (rowPairs + columnPairs) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }
}
