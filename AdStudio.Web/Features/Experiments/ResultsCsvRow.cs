using CsvHelper;

namespace AdStudio.Web.Features.Experiments;

/// <summary>One line of the results CSV; the writer is generated at build time.</summary>
[CsvRecord]
public sealed partial record ResultsCsvRow(
    string Metric,
    string Variant,
    bool Control,
    long Units,
    double Value,
    double? Lift,
    double? CiLow,
    double? CiHigh,
    double? PValue,
    double? AdjustedPValue,
    double? ChanceToWin,
    bool Cuped,
    string? Problem);
