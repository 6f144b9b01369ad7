namespace AdStudio.Core.Segments.Clustering;

/// <summary>The chosen clustering: k, each point's cluster (0-based), centres, and the silhouette of every k tried.</summary>
public sealed record KMeansResult(int K, int[] Labels, float[][] Centroids, double Silhouette, IReadOnlyDictionary<int, double> SilhouetteByK);
