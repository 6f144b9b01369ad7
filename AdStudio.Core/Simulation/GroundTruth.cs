namespace AdStudio.Core.Simulation;

/// <summary>
/// The true click and conversion probabilities of the simulated world (documented in docs/simulator.md):
/// <code>
/// interestLift = ln(8 · interest[category] + 0.05)          (0 for a shopper with uniform interests)
/// hourEffect   = cos(2π · (hour − peakHour) / 24)
/// logit P(click)           = −5.0 + 0.9 · interestLift + appeal + 1.2 · priceSensitivity · discount + 0.4 · hourEffect
/// logit P(convert | click) = −3.2 + 0.7 · interestLift + 1.5 · priceSensitivity · discount − 0.8 · priceSensitivity
/// </code>
/// </summary>
public static class GroundTruth
{
    public static double InterestLift(SimulatedShopper shopper, int categoryIndex) =>
        Math.Log((shopper.Interests.Length * shopper.Interests[categoryIndex]) + 0.05);

    public static double HourEffect(double peakHour, int hour) => Math.Cos(2 * Math.PI * (hour - peakHour) / 24.0);

    public static double ClickProbability(SimulatedShopper shopper, CreativeTruth creative, int hour) =>
        ClickProbability(shopper, creative, hour, InterestLift(shopper, creative.CategoryIndex));

    /// <summary>P(click) with a given interest lift in place of the shopper's true one (to ask what an estimate of interest costs).</summary>
    public static double ClickProbability(SimulatedShopper shopper, CreativeTruth creative, int hour, double interestLift) => Logistic(
        -5.0
        + (0.9 * interestLift)
        + creative.Appeal
        + (1.2 * shopper.PriceSensitivity * creative.Discount)
        + (0.4 * HourEffect(shopper.PeakHour, hour)));

    public static double ConversionProbability(SimulatedShopper shopper, CreativeTruth creative) => Logistic(
        -3.2
        + (0.7 * InterestLift(shopper, creative.CategoryIndex))
        + (1.5 * shopper.PriceSensitivity * creative.Discount)
        - (0.8 * shopper.PriceSensitivity));

    public static double Logistic(double logit) => 1.0 / (1.0 + Math.Exp(-logit));
}
