namespace AdStudio.Core.Experiments.Offline;

/// <summary>How to analyse a per-unit file.</summary>
/// <param name="Control">The control variant's name; null for the first variant in the file.</param>
/// <param name="Weights">Expected traffic shares in the file's variant order for the sample-ratio check; null for an equal split.</param>
public sealed record OfflineOptions(string? Control = null, double Alpha = 0.05, bool Sequential = false, IReadOnlyList<double>? Weights = null);
