namespace AdStudio.Core.Experiments.Offline;

/// <summary>
/// One metric of one variant. The control carries <see cref="Value"/> only; a treatment also its relative lift against
/// the control (<see cref="Effect"/>) with interval, two-sided p-value (Holm-adjusted too with three or more variants)
/// and chance to beat the control. Fields stay null when the comparison is impossible (a warning says why).
/// </summary>
public sealed record OfflineMetric(
    string Metric,
    double Value,
    double? Effect = null,
    double? CiLow = null,
    double? CiHigh = null,
    double? PValue = null,
    double? ChanceToWin = null,
    double? AdjustedPValue = null)
{
    public const string ConversionRate = "conversion_rate";
    public const string RevenuePerUnit = "revenue_per_unit";
}
