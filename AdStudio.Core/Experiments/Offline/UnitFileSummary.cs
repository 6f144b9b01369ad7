namespace AdStudio.Core.Experiments.Offline;

/// <summary>
/// What <see cref="UnitFileReader"/> kept of a per-unit file: each variant's sums in order of first appearance,
/// repeated unit ids (count and first examples) and rejected rows (count and first examples).
/// </summary>
public sealed record UnitFileSummary(
    IReadOnlyList<VariantTally> Variants,
    bool HasRevenue,
    long Duplicates,
    IReadOnlyList<string> DuplicateExamples,
    long Rejected,
    IReadOnlyList<RejectedRow> RejectedExamples);
