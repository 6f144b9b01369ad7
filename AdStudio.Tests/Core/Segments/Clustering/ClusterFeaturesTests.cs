using AdStudio.Core.Segments;
using AdStudio.Core.Segments.Clustering;
using AdStudio.Core.Segments.Rules;

namespace AdStudio.Tests.Core.Segments.Clustering;

public sealed class ClusterFeaturesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Build_FeatureConstantAcrossShoppers_StandardisesItToZero()
    {
        var audience = new Audience(Now, [Row("a", spend: 10, visits: 1), Row("b", spend: 10, visits: 3), Row("c", spend: 10, visits: 5)], ["books"]);

        var (features, standardised) = ClusterFeatures.Build(audience);

        var spend = features.Names.ToList().IndexOf("spend");
        Assert.Equal(1, features.Deviations[spend]);
        Assert.All(standardised, x => Assert.Equal(0f, x[spend]));
        Assert.All(standardised, x => Assert.All(x, v => Assert.True(float.IsFinite(v))));
        var visits = features.Names.ToList().IndexOf("visits");
        Assert.Equal([-1f, 0f, 1f], standardised.Select(x => x[visits]));
    }

    [Fact]
    public void Build_StoredProfileWithInfiniteOrHugeValues_StaysFinite()
    {
        var audience = new Audience(Now, [
            Row("a", spend: double.PositiveInfinity, visits: 1, dwell: 1e308, priceSensitivity: -1e300),
            Row("b", spend: 10, visits: 2, dwell: double.NaN, priceSensitivity: double.NaN),
            Row("c", spend: 20, visits: 3)], ["books"]);

        var (features, standardised) = ClusterFeatures.Build(audience);

        Assert.All(features.Means, m => Assert.True(double.IsFinite(m)));
        Assert.All(features.Deviations, d => Assert.True(double.IsFinite(d) && d > 0));
        Assert.All(standardised, x => Assert.All(x, v => Assert.True(float.IsFinite(v))));
    }

    [Fact]
    public void Build_OneShopper_HasNoNaN()
    {
        var (_, standardised) = ClusterFeatures.Build(new Audience(Now, [Row("a", spend: 5, visits: 2)], ["books"]));

        Assert.All(standardised[0], v => Assert.Equal(0f, v));
    }

    private static AudienceRow Row(string id, double spend, double visits, double dwell = 20, double? priceSensitivity = 0.1) => new()
    {
        ShopperId = id,
        Spend90d = spend,
        Visits30d = visits,
        AverageDwellSeconds = dwell,
        PriceSensitivity = priceSensitivity,
        DaysSinceLastVisit = 2,
        PreferredDaypart = "evening",
        Interests = [1f],
        TopCategories = ["books"],
    };
}
