namespace AdStudio.Core.Segments.Clustering;

/// <summary>
/// Mean silhouette of a clustering: for each point, (b − a) / max(a, b) with a its mean distance to its own
/// cluster and b to the nearest other cluster. From −1 to 1; higher means tighter, better separated clusters.
/// </summary>
public static class Silhouette
{
    public static double Mean(IReadOnlyList<float[]> points, IReadOnlyList<int> labels)
    {
        var k = labels.Max() + 1;
        var total = 0.0;
        var counted = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var sums = new double[k];
            var counts = new int[k];
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

            var a = sums[labels[i]] / counts[labels[i]];
            var b = Enumerable.Range(0, k).Where(c => c != labels[i] && counts[c] > 0).Select(c => sums[c] / counts[c]).DefaultIfEmpty(a).Min();
            total += Math.Max(a, b) > 0 ? (b - a) / Math.Max(a, b) : 0;
            counted++;
        }

        return counted == 0 ? 0 : total / counted;
    }

    public static double Distance(float[] x, float[] y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var d = x[i] - y[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}
