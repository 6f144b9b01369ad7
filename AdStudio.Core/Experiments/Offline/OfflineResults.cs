namespace AdStudio.Core.Experiments.Offline;

/// <summary>The analysis of a per-unit file: variants in file order, the control's name, SRM check, rows not counted and warnings.</summary>
public sealed record OfflineResults(
    IReadOnlyList<OfflineVariant> Variants,
    string Control,
    SrmResult Srm,
    long RejectedRows,
    IReadOnlyList<string> Warnings);
