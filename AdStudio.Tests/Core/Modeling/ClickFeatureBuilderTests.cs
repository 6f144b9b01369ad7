using AdStudio.Core.Events;
using AdStudio.Core.Modeling.Training;

namespace AdStudio.Tests.Core.Modeling;

public class ClickFeatureBuilderTests
{
    private static readonly DateTime T0 = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Categories = ["books", "toys"];
    private static readonly ClickFeatureBuilder Builder = new(Categories, ["sidebar", "mobile"]);
    private static readonly Dictionary<int, CreativeFacts> Creatives = new() { [1] = new(1, "books", 0.2, 30), [2] = new(2, "toys", 0, 60) };

    private static float Feature(ClickRow row, string name) => row.Features[Builder.FeatureNames.ToList().IndexOf(name)];

    [Fact]
    public void Build_UsesOnlyWhatHappenedBefore()
    {
        TimelineEvent[] past = [new("s", T0.AddHours(-2), BehaviourEventType.View, "books")];
        TimelineImpression[] impressions = [new("s", T0, 1, "sidebar", T0.AddSeconds(20)), new("s", T0.AddHours(1), 1, "sidebar", null)];

        var before = Builder.Build(past, impressions, Creatives);
        // The same history with later events and a later purchase in another category: earlier rows must not change.
        TimelineEvent[] withFuture = [.. past, new("s", T0.AddMinutes(10), BehaviourEventType.Purchase, "toys"), new("s", T0.AddDays(3), BehaviourEventType.View, "toys")];
        var after = Builder.Build(withFuture, impressions, Creatives);

        Assert.Equal(before[0].Features, after[0].Features);
        Assert.NotEqual(before[1].Features, after[1].Features);
    }

    [Fact]
    public void Build_FirstImpression_SeesHistoryInterestsAndNoClicksYet()
    {
        TimelineEvent[] events = [new("s", T0.AddDays(-14), BehaviourEventType.View, "toys"), new("s", T0.AddHours(-1), BehaviourEventType.View, "books")];
        TimelineImpression[] impressions =
        [
            new("other", T0.AddMinutes(-30), 1, "mobile", T0.AddMinutes(-29)),
            new("s", T0, 1, "sidebar", null),
        ];

        var rows = Builder.Build(events, impressions, Creatives);
        var row = rows[1];

        // toys decayed by one half-life (and a bit more), books almost fresh: books = 2^(−1/24/14) ÷ (that + 2^(−(14+1/24)/14)… ) — the shares are relative.
        var books = Math.Pow(2, -(1.0 / 24) / 14);
        var toys = Math.Pow(2, -14.0 / 14);
        Assert.Equal((float)(books / (books + toys)), Feature(row, "interest_books"), 5);
        Assert.Equal(Feature(row, "interest_books"), Feature(row, "interest_in_ad_category"));
        Assert.Equal((float)(books / Math.Sqrt((books * books) + (toys * toys))), Feature(row, "interest_cosine"), 5);
        Assert.Equal((1f, 0f), (Feature(row, "placement_sidebar"), Feature(row, "placement_mobile")));
        Assert.Equal((1f, 0f), (Feature(row, "ad_category_books"), Feature(row, "ad_category_toys")));
        Assert.Equal(0.2f, Feature(row, "discount"));
        Assert.Equal((float)Math.Log(3), Feature(row, "log_events"), 5);
        // One earlier impression, clicked one minute after it: (1 + 200·1/1) / (1 + 200).
        Assert.Equal((float)(201.0 / 201.0), Feature(row, "creative_prior_ctr"), 5);
        Assert.False(row.Clicked);
        Assert.True(rows[0].Clicked);
    }

    [Fact]
    public void Build_NewShopper_HasZeroInterestsAndFullRecencyGap()
    {
        var row = Builder.Build([], [new TimelineImpression("new", T0, 2, "mobile", null)], Creatives).Single();

        Assert.Equal(0f, Feature(row, "interest_in_ad_category"));
        Assert.Equal(1f, Feature(row, "days_since_last_visit"));
        Assert.Equal(0.01f, Feature(row, "creative_prior_ctr"), 5);
    }

    [Fact]
    public void Build_HabitsAndPrices_BecomeHourAffinityAndPriceIndex()
    {
        var evening = new DateTime(2026, 11, 19, 21, 0, 0, DateTimeKind.Utc);
        TimelineEvent[] events =
        [
            new("other", evening.AddDays(-1), BehaviourEventType.Purchase, "books", 20),
            new("s", evening, BehaviourEventType.View, "books"),
            new("s", evening.AddMinutes(5), BehaviourEventType.Purchase, "books", 10),
        ];
        TimelineImpression[] impressions = [new("s", evening.AddDays(1), 1, "sidebar", null), new("s", evening.AddHours(12), 1, "sidebar", null)];

        var rows = Builder.Build(events, impressions, Creatives).OrderBy(r => r.At).ToList();

        // All past events at 21:00: affinity 1 at 21:00 and −1 twelve hours away.
        Assert.Equal(-1f, Feature(rows[0], "hour_affinity"), 5);
        Assert.Equal(1f, Feature(rows[1], "hour_affinity"), 5);
        // Bought at 10 where the category's mean so far was 20: index 10/20 − 1 = −0.5; a 20 % discount appeals: 0.2 · 0.5.
        Assert.Equal(-0.5f, Feature(rows[1], "price_index"), 5);
        Assert.Equal(0.1f, Feature(rows[1], "discount_x_bargain"), 5);
    }
}
