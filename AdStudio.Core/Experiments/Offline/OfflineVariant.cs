namespace AdStudio.Core.Experiments.Offline;

/// <summary>A variant of the file: its name, units counted and metrics.</summary>
public sealed record OfflineVariant(string Name, long Units, IReadOnlyList<OfflineMetric> Metrics);
