using System.Globalization;
using AdStudio.Core.Experiments.Results;
using AdStudio.Core.Experiments.Stats;
using AdStudio.Web.Components.Common;

namespace AdStudio.Web.Features.Experiments;

/// <summary>How experiment figures read on screen: values, relative lifts in %, absolute lifts (ROI) in percentage points.</summary>
public static class ResultFormat
{
    /// <summary>A chance to win at least this far from 50 % reads as "clearly better or worse".</summary>
    public const double ConfidentChance = 0.9;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Value(string metric, double value, ShopMoney money) => metric switch
    {
        MetricKey.RevenuePerShopper => money.Format(value),
        MetricKey.Roi => KpiFormat.Percent(value, 0),
        _ => KpiFormat.Percent(value),
    };

    /// <summary>"+12.3 % [−1.0 %, +25.6 %]" for a relative lift, "+5.2 pp [−3.0 pp, +13.4 pp]" for an absolute one.</summary>
    public static string Lift(ComparisonResult comparison, DifferenceType type) =>
        $"{Signed(comparison.Effect, type)} [{(comparison.CiLow is { } low ? Signed(low, type) : "−∞")}, {(comparison.CiHigh is { } high ? Signed(high, type) : "+∞")}]";

    /// <summary>"relative" or "absolute": what the results table says beside each lift.</summary>
    public static string LiftType(DifferenceType type) => type == DifferenceType.Relative ? "relative" : "absolute";

    /// <summary>"relative, %" or "absolute, pp": the unit marker beside each metric.</summary>
    public static string LiftUnit(DifferenceType type) => type == DifferenceType.Relative ? "relative, %" : "absolute, pp";

    /// <summary>What a metric's events are, as the "not enough data" message counts them.</summary>
    public static string EventsName(string metric) => metric switch
    {
        MetricKey.Ctr => "clicks",
        MetricKey.Roi => "conversions",
        MetricKey.RevenuePerShopper => "paying shoppers",
        _ => "converting shoppers",
    };

    public static string PValue(double pValue) => pValue < 0.0001 ? "< 0.0001" : pValue.ToString("F4", Culture);

    public static string Chance(double chance) => (chance * 100).ToString("0.0", Culture) + " %";

    /// <summary>
    /// True where the chance to win says "clearly better (or worse)" while the p-value says "not significant": the two
    /// answer different questions, and the row needs the explanation of <see cref="Explanation"/>.
    /// </summary>
    public static bool SeemsToContradict(ComparisonResult comparison, double pValue, double alpha) =>
        pValue >= alpha && (comparison.ChanceToWin >= ConfidentChance || comparison.ChanceToWin <= 1 - ConfidentChance);

    public static string Explanation(bool sequential) =>
        "Chance to win is Bayesian with a flat prior: the probability that the treatment is better given the data so far, "
        + "with no penalty for looking early. The p-value asks whether the difference is proven at α"
        + (sequential
            ? "; with sequential testing it stays valid however often you look, which makes it conservative early (often 1.0 for small samples). "
            : ". ")
        + "Decide on the p-value and interval; read the chance to win as a direction, not a proof.";

    private static string Signed(double value, DifferenceType type) =>
        (value * 100).ToString("+0.0;−0.0;0.0", Culture) + (type == DifferenceType.Relative ? " %" : " pp");
}
