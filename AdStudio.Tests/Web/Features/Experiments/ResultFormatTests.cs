using AdStudio.Core.Experiments.Results;
using AdStudio.Core.Experiments.Stats;
using AdStudio.Core.Shop;
using AdStudio.Web.Components.Common;
using AdStudio.Web.Features.Experiments;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Features.Experiments;

public class ResultFormatTests
{
    private static readonly ShopMoney Euro = new(Options.Create(new ShopOptions()));

    private static ComparisonResult Compared(double effect, double low, double high, double p = 0.5, double chance = 0.5) =>
        new(effect, low, high, 0.01, p, chance, 0, 0, []);

    [Fact]
    public void Lift_Relative_ReadsInPercentWithInterval() =>
        Assert.Equal("+12.3 % [−1.5 %, +26.1 %]", ResultFormat.Lift(Compared(0.1234, -0.015, 0.261), DifferenceType.Relative));

    [Fact]
    public void Lift_AbsoluteRoi_ReadsInPercentagePointsNeverPercent() =>
        Assert.Equal("+75.5 pp [−12.0 pp, +163.0 pp]", ResultFormat.Lift(Compared(0.755, -0.12, 1.63), DifferenceType.Absolute));

    [Fact]
    public void Lift_OneSidedInterval_ShowsTheOpenEnd() =>
        Assert.Equal("+2.0 pp [−1.0 pp, +∞]", ResultFormat.Lift(new ComparisonResult(0.02, -0.01, null, 0.01, 0.2, 0.9, 0, 0, []), DifferenceType.Absolute));

    [Theory]
    [InlineData(MetricKey.ConversionRate, 0.0345, "3.45 %")]
    [InlineData(MetricKey.Ctr, 0.012, "1.20 %")]
    [InlineData(MetricKey.Roi, 0.755, "76 %")]
    [InlineData(MetricKey.RevenuePerShopper, 1234.5, "€ 1,234.50")]
    public void Value_EachMetric_ReadsInItsUnit(string metric, double value, string expected) =>
        Assert.Equal(expected, ResultFormat.Value(metric, value, Euro));

    [Theory]
    [InlineData(0.941, 1.0, true)]
    [InlineData(0.06, 0.8, true)]
    [InlineData(0.941, 0.01, false)]
    [InlineData(0.7, 0.6, false)]
    public void SeemsToContradict_ConfidentChanceBesideNonSignificantP_IsFlagged(double chance, double p, bool expected) =>
        Assert.Equal(expected, ResultFormat.SeemsToContradict(Compared(0.1, -0.1, 0.3, p, chance), p, 0.05));

    [Fact]
    public void Explanation_Sequential_SaysSequentialPValuesAreConservativeEarly()
    {
        Assert.Contains("conservative early", ResultFormat.Explanation(sequential: true), StringComparison.Ordinal);
        Assert.Contains("flat prior", ResultFormat.Explanation(sequential: false), StringComparison.Ordinal);
        Assert.DoesNotContain("conservative early", ResultFormat.Explanation(sequential: false), StringComparison.Ordinal);
    }

    [Fact]
    public void PValueAndChance_ReadWithFixedDecimals()
    {
        Assert.Equal("< 0.0001", ResultFormat.PValue(0.00001));
        Assert.Equal("0.0420", ResultFormat.PValue(0.042));
        Assert.Equal("94.1 %", ResultFormat.Chance(0.9412));
        Assert.Equal("absolute", ResultFormat.LiftType(DifferenceType.Absolute));
    }
}
