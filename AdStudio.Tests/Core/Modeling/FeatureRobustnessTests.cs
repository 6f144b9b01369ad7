using AdStudio.Core.Events;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Modeling.Training;

namespace AdStudio.Tests.Core.Modeling;

public sealed class FeatureRobustnessTests
{
    private static readonly DateTime T0 = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Dictionary<int, CreativeFacts> Creatives = new() { [1] = new(1, "books", 0.2, 30), [2] = new(2, "toys", 0, 60) };

    [Fact]
    public void Build_HistoryWithHugeAmounts_WritesOnlyFiniteFeatures()
    {
        var builder = new ClickFeatureBuilder(["books", "toys"], ["sidebar", "mobile"]);
        TimelineEvent[] events =
        [
            new("cheap", T0.AddDays(-3), BehaviourEventType.Purchase, "books", 10),
            new("rich", T0.AddDays(-2), BehaviourEventType.Purchase, "books", 1e308),
            new("rich", T0.AddDays(-2).AddMinutes(5), BehaviourEventType.Purchase, "books", 1e308),
            new("rich", T0.AddDays(-1), BehaviourEventType.Purchase, "books", double.PositiveInfinity),
            new("odd", T0.AddDays(-1), BehaviourEventType.Purchase, "toys", double.NaN),
            new("cheap", T0.AddHours(-1), BehaviourEventType.Purchase, "books", 12),
        ];
        TimelineImpression[] impressions =
        [
            new("rich", T0, 1, "sidebar", null),
            new("cheap", T0.AddMinutes(1), 1, "mobile", T0.AddMinutes(2)),
            new("odd", T0.AddMinutes(2), 2, "sidebar", null),
        ];

        var rows = builder.Build(events, impressions, Creatives);

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.All(r.Features, f => Assert.True(float.IsFinite(f), $"feature {f}")));
        var priceIndex = builder.FeatureNames.ToList().IndexOf("price_index");
        // Amounts count at most 1e12 and a ratio at most 100: the first ratio (1e12 against a mean of 10) is capped,
        // the next two compare 1e12 with running means that already hold the earlier capped amounts.
        var expected = ((100 + (1e12 / ((10 + 1e12) / 2)) + (1e12 / ((10 + 2e12) / 3))) / 3) - 1;
        Assert.Equal((float)expected, rows[0].Features[priceIndex]);
    }

    [Fact]
    public void Write_ShopperFromAnExtremeStoredProfile_WritesOnlyFiniteFeatures()
    {
        var layout = new FeatureLayout(["books", "toys"], ["sidebar"]);
        var shopper = new ShopperFeatures([double.NaN, 1e308], int.MaxValue, int.MaxValue, DateTime.MinValue, double.PositiveInfinity, -1e308, -1e308);
        var features = new float[layout.Width];

        layout.Write(features, shopper, shopper.Interests, Creatives[1], 0, T0, "sidebar", double.NaN);

        Assert.All(features, f => Assert.True(float.IsFinite(f), $"feature {f}"));
        Assert.Equal(-1f, features[layout.FeatureNames.ToList().IndexOf("price_index")]);
    }
}
