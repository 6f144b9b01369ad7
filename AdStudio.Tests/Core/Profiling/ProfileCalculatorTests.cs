using AdStudio.Core.Events;
using AdStudio.Core.Profiling;

namespace AdStudio.Tests.Core.Profiling;

public class ProfileCalculatorTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Dictionary<string, double> Means = new() { ["books"] = 20, ["electronics"] = 200 };

    private static BehaviourEvent E(BehaviourEventType type, double daysAgo, string? category = "books", double? amount = null, double? dwell = null, double hoursOffset = 0) => new()
    {
        ShopperId = "s",
        Type = type,
        Category = category,
        Amount = amount,
        DwellSeconds = dwell,
        OccurredAt = Now.AddDays(-daysAgo).AddHours(hoursOffset),
    };

    [Fact]
    public void Compute_HandMadeHistory_GivesExactFeatures()
    {
        BehaviourEvent[] events =
        [
            E(BehaviourEventType.View, 40, "electronics", dwell: 30),
            E(BehaviourEventType.Purchase, 40, "electronics", amount: 150, hoursOffset: 0.1),
            E(BehaviourEventType.View, 10, dwell: 10),
            E(BehaviourEventType.AddToCart, 10, hoursOffset: 0.2),
            E(BehaviourEventType.Purchase, 10, amount: 30, hoursOffset: 0.25),
            E(BehaviourEventType.View, 2, dwell: 20),
            E(BehaviourEventType.View, 2, dwell: null, hoursOffset: 2),
        ];

        var p = ProfileCalculator.Compute(events, Now, Means, TimeZoneInfo.Utc);

        Assert.Equal(Now.AddDays(-2).AddHours(2), p.LastVisitAt);
        Assert.Equal(Now.AddDays(-10).AddHours(0.25), p.LastPurchaseAt);
        // Visits: day −40, day −10, day −2 (12:00) and day −2 (14:00, two hours later) — four sessions.
        Assert.Equal((2, 3), (p.Visits7d, p.Visits30d));
        Assert.Equal((0, 1), (p.Purchases7d, p.Purchases30d));
        Assert.Equal((30.0, 180.0), (p.Spend30d, p.Spend90d));
        Assert.Equal(20.0, p.AverageDwellSeconds, 12);
        // 1 − mean(150/200, 30/20) = 1 − 1.125
        Assert.Equal(-0.125, p.PriceSensitivity!.Value, 12);
        Assert.Equal("afternoon", p.PreferredDaypart);
        // Interest weights with a 14-day half-life:
        // electronics = (1 + 5)·2^(−40/14) (the purchase 0.1 h later is a hair younger)
        var electronics = (1 * Math.Pow(2, -40.0 / 14)) + (5 * Math.Pow(2, -(40 - (0.1 / 24)) / 14));
        var books = (1 * Math.Pow(2, -10.0 / 14)) + (3 * Math.Pow(2, -(10 - (0.2 / 24)) / 14))
            + (5 * Math.Pow(2, -(10 - (0.25 / 24)) / 14)) + (1 * Math.Pow(2, -2.0 / 14)) + (1 * Math.Pow(2, -(2 - (2.0 / 24)) / 14));
        Assert.Equal(books / (books + electronics), p.Interests["books"], 12);
        Assert.Equal(electronics / (books + electronics), p.Interests["electronics"], 12);
        Assert.Equal(["books", "electronics"], p.TopCategories);
    }

    [Fact]
    public void Compute_NoEvents_GivesEmptyProfileWithMissingValues()
    {
        var p = ProfileCalculator.Compute([], Now, Means, TimeZoneInfo.Utc);

        Assert.Null(p.LastVisitAt);
        Assert.Null(p.LastPurchaseAt);
        Assert.Null(p.PriceSensitivity);
        Assert.Equal("", p.PreferredDaypart);
        Assert.Empty(p.Interests);
        Assert.Equal(0, p.AverageDwellSeconds);
    }

    [Fact]
    public void Compute_InterestHalvesEveryFourteenDays()
    {
        BehaviourEvent[] events = [E(BehaviourEventType.View, 14, "books"), E(BehaviourEventType.View, 0, "toys")];

        var p = ProfileCalculator.Compute(events, Now, Means, TimeZoneInfo.Utc);

        // books 0.5, toys 1 → shares 1/3 and 2/3.
        Assert.Equal(1.0 / 3, p.Interests["books"], 12);
        Assert.Equal(2.0 / 3, p.Interests["toys"], 12);
        Assert.Equal(["toys", "books"], p.TopCategories);
    }

    [Fact]
    public void Compute_PurchaseInUnknownCategory_LeavesPriceSensitivityMissing()
    {
        var p = ProfileCalculator.Compute([E(BehaviourEventType.Purchase, 1, "garden", amount: 40)], Now, Means, TimeZoneInfo.Utc);

        Assert.Null(p.PriceSensitivity);
        Assert.Equal(1, p.Purchases7d);
    }

    [Fact]
    public void Compute_Daypart_UsesShopTimeZone()
    {
        // 12:00 UTC is 21:00 in Tokyo: evening there, afternoon in UTC.
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        Assert.Equal("evening", ProfileCalculator.Compute([E(BehaviourEventType.View, 1)], Now, Means, tokyo).PreferredDaypart);
    }
}
