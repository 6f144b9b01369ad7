using System.Globalization;
using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Core.Experiments.Results;

/// <summary>
/// The one line at the top of the results: which arm wins on the primary metric and how sure that is, or why there is
/// no decision yet. Pure: it reads the <see cref="ExperimentResults"/> and nothing else.
/// </summary>
/// <param name="ArmVariantId">The winning arm (or, for <see cref="VerdictKind.ControlWins"/>, the control).</param>
/// <param name="DaysToGo">About how many more days at the current traffic until the sample is large enough; null when unknown.</param>
public sealed record ExperimentVerdict(VerdictKind Kind, string Text, string Metric, int? ArmVariantId, int? DaysToGo)
{
    /// <summary>Power the "more days" estimate plans for when the experiment has no plan of its own.</summary>
    public const double Power = 0.8;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static ExperimentVerdict Of(ExperimentResults results)
    {
        var metric = results.Primary ?? throw new ArgumentException($"The results hold no primary metric \"{results.PrimaryMetric}\".", nameof(results));
        var label = metric.Label;
        if (results.SampleRatioMismatch)
        {
            return new(VerdictKind.DoNotDecide, $"Do not decide: the arms did not get their configured shares of shoppers (sample-ratio mismatch, p = {PValueText(results.SampleRatioPValue)}); fix assignment or logging first.", metric.Key, null, null);
        }

        var treatments = metric.Variants.Skip(1).ToList();
        if (results.TotalUnits == 0 || treatments.Count == 0 || treatments.Any(v => !v.EnoughData || v.Comparison is null))
        {
            var days = MoreDays(results);
            return new(VerdictKind.NotEnoughData, $"No decision yet: not enough data on {label}{About(days)}.", metric.Key, null, days);
        }

        var control = results.Arms[0];
        var read = treatments.Select(v => (Variant: v, PValue: v.AdjustedPValue ?? v.Comparison!.PValue, Comparison: v.Comparison!)).ToList();
        var winners = read.Where(t => t.PValue < results.Alpha && t.Comparison.Effect > 0).OrderByDescending(t => t.Comparison.Effect).ToList();
        if (winners.Count > 0)
        {
            var (winner, pValue, comparison) = winners[0];
            var arm = Arm(results, winner.VariantId);
            return new(VerdictKind.TreatmentWins, $"Treatment '{arm.Label}' wins on {label}: {Lift(comparison.Effect, metric.LiftType)}, {Percent(comparison.ChanceToWin)} chance to win, p {PValueText(pValue)}.", metric.Key, winner.VariantId, 0);
        }

        if (read.All(t => t.PValue < results.Alpha && t.Comparison.Effect < 0))
        {
            var (closest, pValue, comparison) = read.OrderByDescending(t => t.Comparison.Effect).First();
            var arm = Arm(results, closest.VariantId);
            return new(VerdictKind.ControlWins, $"Control '{control.Label}' wins on {label}: treatment '{arm.Label}' {Lift(comparison.Effect, metric.LiftType)}, {Percent(comparison.ChanceToWin)} chance to win, p {PValueText(pValue)}.", metric.Key, control.VariantId, 0);
        }

        if (Margin(results, metric) is { } margin && read.All(t => t.Comparison.CiLow > -margin && t.Comparison.CiHigh < margin))
        {
            return new(VerdictKind.Equivalent, $"No winner: the arms are equivalent on {label} within ±{Magnitude(margin, metric.LiftType)} (every interval lies inside it).", metric.Key, null, 0);
        }

        var more = MoreDays(results);
        var text = more is 0
            ? $"No decision yet: the sample needed to detect a {Percent(results.MinimumDetectableEffect)} lift is reached without a clear difference on {label}; calling it inconclusive is reasonable."
            : $"No decision yet on {label}{About(more)}.";
        return new(VerdictKind.KeepRunning, text, metric.Key, null, more);
    }

    /// <summary>
    /// More days until the smallest arm (for its traffic share) reaches the units per arm needed: the plan's, or, without
    /// one or once it is reached, a power calculation at the observed baseline (<see cref="SampleSizePlan"/>). Null when
    /// there is no traffic yet or no baseline to plan from.
    /// </summary>
    public static int? MoreDays(ExperimentResults results)
    {
        if (results.ExposureDays <= 0 || results.TotalUnits == 0)
        {
            return null;
        }

        var perDay = (double)results.TotalUnits / results.ExposureDays;
        var needed = results.PlannedUnitsPerVariant is { } planned && results.Arms.Any(a => a.Units < planned) ? planned : PowerUnits(results);
        if (needed is not { } perArm)
        {
            return null;
        }

        var days = results.Arms.Where(a => a.ExpectedShare > 0).Select(a => Math.Max(0, perArm - a.Units) / (perDay * a.ExpectedShare)).DefaultIfEmpty(0).Max();
        return days > 36_500 ? 36_500 : (int)Math.Ceiling(days);
    }

    private static long? PowerUnits(ExperimentResults results)
    {
        // A rate metric plans at its own baseline; revenue and ROI plan at the shopper conversion that drives them.
        var rate = results.Primary is { Key: MetricKey.ConversionRate or MetricKey.Ctr } primary ? primary : results.Metrics.FirstOrDefault(m => m.Key == MetricKey.ConversionRate);
        var baseline = rate is { Variants.Count: > 0 } ? rate.Variants[0].Value : 0;
        try
        {
            return SampleSizePlan.For(baseline, results.MinimumDetectableEffect, results.Alpha, Power, results.Arms.Count, null).UnitsPerVariant;
        }
        catch (StatsInputException)
        {
            return null;
        }
    }

    /// <summary>The equivalence margin in the lift's units: the minimum detectable effect, or for an absolute lift that share of the control's value.</summary>
    private static double? Margin(ExperimentResults results, MetricResult metric)
    {
        var mde = Math.Abs(results.MinimumDetectableEffect);
        var margin = metric.LiftType == DifferenceType.Relative ? mde : mde * Math.Abs(metric.Variants[0].Value);
        return margin > 0 ? margin : null;
    }

    private static ArmUnits Arm(ExperimentResults results, int variantId) => results.Arms.First(a => a.VariantId == variantId);

    private static string About(int? days) => days switch
    {
        null => "",
        1 => ": about 1 more day at current traffic",
        > ExperimentPlanner.LongTestDays =>
            $": about {days.Value.ToString("N0", Culture)} more days at current traffic, more than {ExperimentPlanner.LongTestDays / 7} weeks; "
            + "consider stopping as inconclusive or testing a bolder change",
        _ => $": about {days.Value.ToString("N0", Culture)} more days at current traffic",
    };

    /// <summary>"+12.3 % relative" or, for an absolute lift of a percentage such as ROI, "+5.2 pp absolute".</summary>
    public static string Lift(double effect, DifferenceType type) =>
        (effect * 100).ToString("+0.0;−0.0;0.0", Culture) + (type == DifferenceType.Relative ? " % relative" : " pp absolute");

    private static string Magnitude(double margin, DifferenceType type) =>
        (margin * 100).ToString("0.0", Culture) + (type == DifferenceType.Relative ? " % relative" : " pp");

    private static string Percent(double share) => (share * 100).ToString("0.0", Culture) + " %";

    /// <summary>"= 0.004" or "&lt; 0.001".</summary>
    private static string PValueText(double pValue) => pValue < 0.001 ? "< 0.001" : "= " + pValue.ToString("0.000", Culture);
}
