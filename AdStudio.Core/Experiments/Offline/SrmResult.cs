namespace AdStudio.Core.Experiments.Offline;

/// <summary>The sample-ratio check of the file: chi-square p-value and whether it is below the mismatch threshold.</summary>
public sealed record SrmResult(double PValue, bool Mismatch);
