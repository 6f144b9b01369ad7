namespace AdStudio.Core.Segments.Clustering;

/// <summary>What the last clustering chose and why: the silhouette of every k tried.</summary>
public sealed record ClusterDiagnostics(int ChosenK, double Silhouette, Dictionary<string, double> SilhouetteByK, DateTime RunAt);
