using CsvHelper;

namespace AdStudio.Web.Features.Experiments;

/// <summary>
/// One line of the results CSV; the writer is generated at build time. Values, lifts and bounds are fractions:
/// a relative lift of 0.123 is +12.3 %; an absolute lift (<see cref="LiftType"/> "absolute", ROI) of 0.052 is +5.2 pp.
/// </summary>
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
    string? Problem,
    string MetricLabel,
    string MetricRole,
    string LiftType,
    int VariantId,
    string ArmName,
    int CreativeId,
    long Events,
    bool EnoughData);
