namespace AdStudio.Core.Segments.Clustering;

/// <summary>
/// Mean silhouette of a clustering: for each point, (b − a) / max(a, b) with a its mean distance to its own
/// cluster and b to the nearest other cluster. From −1 to 1; higher means tighter, better separated clusters.
/// </summary>
public static class Silhouette
{
    public static double Mean(IReadOnlyList<float[]> points, IReadOnlyList<int> labels)
    {
        var clusters = labels.Max() + 1;
        var total = 0.0;
        var counted = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var sums = new double[clusters];
            var counts = new int[clusters];
            for (var j = 0; j < points.Count; j++)
            {
                if (i != j)
                {
                    sums[labels[j]] += Distance(points[i], points[j]);
                    counts[labels[j]]++;
                }
            }

            if (counts[labels[i]] == 0)
            {
                continue;
            }

            var ownDistance = sums[labels[i]] / counts[labels[i]];
            var nearestOther = Enumerable.Range(0, clusters).Where(c => c != labels[i] && counts[c] > 0).Select(c => sums[c] / counts[c]).DefaultIfEmpty(ownDistance).Min();
            total += Math.Max(ownDistance, nearestOther) > 0 ? (nearestOther - ownDistance) / Math.Max(ownDistance, nearestOther) : 0;
            counted++;
        }

        return counted == 0 ? 0 : total / counted;
    }

    public static double Distance(float[] first, float[] second)
    {
        var sum = 0.0;
        for (var i = 0; i < first.Length; i++)
        {
            var difference = first[i] - second[i];
            sum += difference * difference;
        }

        return Math.Sqrt(sum);
    }
}
