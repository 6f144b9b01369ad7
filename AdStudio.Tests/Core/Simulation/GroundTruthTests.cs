using AdStudio.Core.Simulation;

namespace AdStudio.Tests.Core.Simulation;

public class GroundTruthTests
{
    private const int Precision = 12;

    private static SimulatedShopper Shopper(double[] interests, double priceSensitivity = 0.5, double peakHour = 20) =>
        new("s", 0, interests, priceSensitivity, peakHour, 0.1, true, "25-34", "female", "North");

    private static double[] Focused() => [0.5, 0.5 / 7, 0.5 / 7, 0.5 / 7, 0.5 / 7, 0.5 / 7, 0.5 / 7, 0.5 / 7];

    private static double[] Uniform() => [.. Enumerable.Repeat(1.0 / 8, 8)];

    [Fact]
    public void ClickProbability_FocusedShopperAtPeakHour_MatchesDocumentedFormula()
    {
        // logit = −5.0 + 0.9·ln(8·0.5 + 0.05) + 0.3 + 1.2·0.5·0.2 + 0.4·cos(0)
        var p = GroundTruth.ClickProbability(Shopper(Focused()), new CreativeTruth(0, 0.3, 0.2), hour: 20);

        Assert.Equal(0.051117658371026706, p, Precision);
    }

    [Fact]
    public void ClickProbability_UniformShopperTwelveHoursOffPeak_MatchesDocumentedFormula()
    {
        // logit = −5.0 + 0.9·ln(1.05) + 0 + 0 + 0.4·cos(−π)
        var p = GroundTruth.ClickProbability(Shopper(Uniform()), new CreativeTruth(3, 0, 0), hour: 8);

        Assert.Equal(0.004697160606128311, p, Precision);
    }

    [Fact]
    public void ConversionProbability_FocusedShopper_MatchesDocumentedFormula()
    {
        // logit = −3.2 + 0.7·ln(4.05) + 1.5·0.5·0.2 − 0.8·0.5
        var p = GroundTruth.ConversionProbability(Shopper(Focused()), new CreativeTruth(0, 0.3, 0.2));

        Assert.Equal(0.07792367477935268, p, Precision);
    }

    [Fact]
    public void ClickProbability_InterestInCategory_RaisesClickRate()
    {
        var shopper = Shopper(Focused());

        var interested = GroundTruth.ClickProbability(shopper, new CreativeTruth(0, 0, 0), 20);
        var uninterested = GroundTruth.ClickProbability(shopper, new CreativeTruth(1, 0, 0), 20);

        Assert.True(interested > 3 * uninterested, $"{interested} vs {uninterested}");
    }

    [Theory]
    [InlineData(20, 20, 1.0)]
    [InlineData(20, 8, -1.0)]
    [InlineData(0, 6, 0.0)]
    [InlineData(23, 1, 0.8660254037844387)]
    public void HourEffect_IsCosineOfDistanceToPeak(double peak, int hour, double expected) =>
        Assert.Equal(expected, GroundTruth.HourEffect(peak, hour), Precision);
}
