using CsvHelper;

namespace AdStudio.Web.Features.Experiments.Offline;

/// <summary>One CSV row of an analysed file; the lift is relative to the control (empty for the control itself); the writer is generated at build time.</summary>
[CsvRecord]
public sealed partial record OfflineResultsCsvRow(
    string Variant,
    bool IsControl,
    long Units,
    string Metric,
    string Label,
    double Value,
    double? RelativeLift,
    double? CiLow,
    double? CiHigh,
    double? PValue,
    double? AdjustedPValue,
    double? ChanceToWin);
