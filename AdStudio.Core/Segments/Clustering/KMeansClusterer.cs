using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AdStudio.Core.Segments.Clustering;

/// <summary>
/// ML.NET k-means over standardised features, for each k in a range. k-means finds local optima, so each k is
/// fitted from <see cref="Restarts"/> seeded starts and the tightest fit (least mean distance to its centre) is
/// kept; then the k with the highest mean silhouette (on a seeded sample, since silhouette is quadratic) wins.
/// </summary>
public static class KMeansClusterer
{
    public const int SilhouetteSample = 1500;
    public const int Restarts = 4;

    public static KMeansResult Fit(float[][] points, int minK, int maxK, int seed)
    {
        if (points.Length < maxK * 2)
        {
            throw new InvalidOperationException($"Clustering needs at least {maxK * 2} profiled shoppers; there are {points.Length}.");
        }

        var sample = Enumerable.Range(0, points.Length).ToArray();
        new Random(seed).Shuffle(sample);
        var sampled = sample.Take(SilhouetteSample).ToArray();
        var scores = new Dictionary<int, double>();
        KMeansResult? best = null;
        for (var k = minK; k <= maxK; k++)
        {
            var (labels, centroids, _) = Enumerable.Range(0, Restarts).Select(r => FitOnce(points, k, seed + (1000 * r))).MinBy(f => f.Inertia);
            var score = Silhouette.Mean([.. sampled.Select(i => points[i])], [.. sampled.Select(i => labels[i])]);
            scores[k] = score;
            if (best is null || score > best.Silhouette)
            {
                best = new KMeansResult(k, labels, centroids, score, scores);
            }
        }

        return best! with { SilhouetteByK = scores };
    }

    private static (int[] Labels, float[][] Centroids, double Inertia) FitOnce(float[][] points, int clusters, int seed)
    {
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Point));
        schema[nameof(Point.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, points[0].Length);
        var data = ml.Data.LoadFromEnumerable(points.Select(p => new Point { Features = p }), schema);
        var model = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(Point.Features),
            NumberOfClusters = clusters,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            NumberOfThreads = 1,
        }).Fit(data);
        var predictions = ml.Data.CreateEnumerable<Prediction>(model.Transform(data), reuseRowObject: false).ToArray();
        VBuffer<float>[] centroids = [];
        model.Model.GetClusterCentroids(ref centroids, out _);
        return ([.. predictions.Select(p => (int)p.PredictedLabel - 1)], [.. centroids.Select(c => c.DenseValues().ToArray())], predictions.Average(p => p.Score.Min()));
    }

    private sealed class Point
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class Prediction
    {
        public uint PredictedLabel { get; set; }

        /// <summary>Squared distance to every centre.</summary>
        public float[] Score { get; set; } = [];
    }
}
