namespace AdStudio.Core.Experiments.Stats;

/// <summary>
/// The outcome of comparing treatment with control. A one-sided interval has one open end (null).
/// Risks are expected losses, in the effect's units, of shipping the treatment or keeping the control.
/// </summary>
public sealed record ComparisonResult(
    double Effect,
    double? CiLow,
    double? CiHigh,
    double StandardError,
    double PValue,
    double ChanceToWin,
    double RiskOfTreatment,
    double RiskOfControl,
    IReadOnlyList<string> Warnings)
{
    public bool IsSignificant(double alpha) => PValue < alpha;
}
