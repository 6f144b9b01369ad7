using AdStudio.Core.Campaigns;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using static AdStudio.Tests.Core.Serving.SnapshotFactory;

namespace AdStudio.Tests.Core.Serving;

public class DecisionEngineTests
{
    private readonly DecisionEngine _engine = new(explorationRate: 0);

    private Decision? Decide(ServingSnapshot snapshot, string shopper = "shopper-1", string placement = "sidebar") =>
        _engine.Decide(snapshot, shopper, placement, Now, new Random(1));

    [Fact]
    public void Decide_PicksHighestExpectedValue()
    {
        var snapshot = Snapshot([
            Campaign(1, bid: 0.90, [Creative(11, ctr: 0.015)]),
            Campaign(2, bid: 0.50, [Creative(21, ctr: 0.040)]),
            Campaign(3, bid: 5.00, [Creative(31, ctr: 0.020)], bidType: BidType.Cpm),
        ]);

        var decision = Decide(snapshot);

        Assert.NotNull(decision);
        Assert.Equal(2, decision.Campaign.Id);
        Assert.Equal(0.02, decision.ExpectedValue, 15);
        Assert.False(decision.Explored);
    }

    [Fact]
    public void Decide_PicksCampaignsBestCreativeThatFitsThePlacement()
    {
        var snapshot = Snapshot([Campaign(1, 1, [Creative(11, 0.02), Creative(12, 0.03), Creative(13, 0.09, 728, 90)])]);

        Assert.Equal(12, Decide(snapshot)!.Creative.Id);
        Assert.Equal(13, Decide(snapshot, placement: "leaderboard")!.Creative.Id);
    }

    [Fact]
    public void Decide_UnknownPlacement_HasNoFill() =>
        Assert.Null(Decide(Snapshot([Campaign(1, 1, [Creative(11, 0.02)])]), placement: "popup"));

    [Fact]
    public void Decide_NoCreativeOfPlacementSize_HasNoFill() =>
        Assert.Null(Decide(Snapshot([Campaign(1, 1, [Creative(11, 0.02)])]), placement: "leaderboard"));

    [Fact]
    public void Decide_SkipsCampaignOverDailyOrTotalBudget()
    {
        var best = Creative(11, 0.09);
        Assert.Equal(2, Decide(Snapshot([Campaign(1, 1, [best], spentToday: 100), Campaign(2, 1, [Creative(21, 0.01)])]))!.Campaign.Id);
        Assert.Equal(2, Decide(Snapshot([Campaign(1, 1, [best], spentTotal: 1000), Campaign(2, 1, [Creative(21, 0.01)])]))!.Campaign.Id);
    }

    [Fact]
    public void Decide_SkipsCampaignOutsideItsSchedule()
    {
        var notStarted = Campaign(1, 1, [Creative(11, 0.09)], startsAt: Now.AddHours(1));
        var ended = Campaign(2, 1, [Creative(21, 0.08)], endsAt: Now);
        var running = Campaign(3, 1, [Creative(31, 0.01)], endsAt: Now.AddSeconds(1));

        Assert.Equal(3, Decide(Snapshot([notStarted, ended, running]))!.Campaign.Id);
    }

    [Fact]
    public void Decide_HonoursCampaignPlacementList()
    {
        var snapshot = Snapshot([Campaign(1, 1, [Creative(11, 0.09)], placements: ["leaderboard"]), Campaign(2, 1, [Creative(21, 0.01)])]);

        Assert.Equal(2, Decide(snapshot)!.Campaign.Id);
    }

    [Fact]
    public void Decide_IncludeTargetsReachOnlyMembers_ExcludeTargetsKeepMembersOut()
    {
        var snapshot = Snapshot(
            [
                Campaign(1, 1, [Creative(11, 0.09)], include: [5]),
                Campaign(2, 1, [Creative(21, 0.05)], exclude: [7]),
                Campaign(3, 1, [Creative(31, 0.01)]),
            ],
            new() { ["member"] = [5], ["excluded"] = [7] });

        Assert.Equal(1, Decide(snapshot, shopper: "member")!.Campaign.Id);
        Assert.Equal(2, Decide(snapshot, shopper: "new-visitor")!.Campaign.Id);
        Assert.Equal(3, Decide(snapshot, shopper: "excluded")!.Campaign.Id);
    }

    [Fact]
    public void Decide_RunningExperiment_ShowsShoppersStickyVariant()
    {
        var experiment = new ServingExperiment(9, VariantIds: [90, 91], CreativeIds: [11, 12], Weights: [1, 1]);
        var snapshot = Snapshot([Campaign(1, 1, [Creative(11, 0.02), Creative(12, 0.03)], experiment: experiment)]);

        var variants = Enumerable.Range(0, 400).Select(i => Decide(snapshot, shopper: $"s{i}")!).ToList();

        foreach (var (decision, i) in variants.Select((d, i) => (d, i)))
        {
            var again = Decide(snapshot, shopper: $"s{i}")!;
            Assert.Equal(decision.VariantId, again.VariantId);
            Assert.Equal(decision.VariantId == 90 ? 11 : 12, decision.Creative.Id);
        }

        // 400 fair coin flips: sd of the share is 0.025; allow four of them.
        Assert.InRange(variants.Count(d => d.VariantId == 90) / 400.0, 0.4, 0.6);
    }

    [Fact]
    public void Decide_ExperimentArms_CompeteWithTheSameScore()
    {
        // Arm creatives differ a lot in CTR; the rival sits between them. Exposure must not depend on the arm.
        var experiment = new ServingExperiment(9, VariantIds: [90, 91], CreativeIds: [11, 12], Weights: [1, 1]);
        var snapshot = Snapshot([
            Campaign(1, 1, [Creative(11, 0.05), Creative(12, 0.01)], experiment: experiment),
            Campaign(2, 1, [Creative(21, 0.02)]),
        ]);

        var decisions = Enumerable.Range(0, 200).Select(i => Decide(snapshot, shopper: $"s{i}")!).ToList();

        Assert.All(decisions, d => Assert.Equal(1, d.Campaign.Id));
        Assert.All(decisions, d => Assert.Equal(0.03, d.ExpectedValue, 15));
        Assert.Contains(decisions, d => d.Creative.Id == 12);
    }

    [Fact]
    public void Decide_FullExploration_SpreadsOverAllEligibleCampaigns()
    {
        var engine = new DecisionEngine(explorationRate: 1);
        var snapshot = Snapshot([Campaign(1, 1, [Creative(11, 0.09)]), Campaign(2, 1, [Creative(21, 0.01)]), Campaign(3, 1, [Creative(31, 0.01)])]);
        var random = new Random(3);

        var shown = Enumerable.Range(0, 3000).Select(_ => engine.Decide(snapshot, "s", "sidebar", Now, random)!).ToList();

        // Each campaign is drawn with probability 1/3: sd of a count over 3000 draws is ≈ 26.
        Assert.All(Enumerable.Range(1, 3), id => Assert.InRange(shown.Count(d => d.Campaign.Id == id), 900, 1100));
        Assert.All(shown.Where(d => d.Campaign.Id != 1), d => Assert.True(d.Explored));
    }

    [Fact]
    public void Decide_OutsideDaypart_SkipsCampaign()
    {
        // Now is Friday 2026-11-20 12:00 UTC = hour-of-week 4·24 + 12 = 108.
        var nightsOnly = Dayparting.Parse(Dayparting.Daily(20, 24));
        var snapshot = Snapshot([Campaign(1, 1, [Creative(11, 0.09)], hours: nightsOnly), Campaign(2, 1, [Creative(21, 0.01)])]);

        Assert.Equal(2, Decide(snapshot)!.Campaign.Id);
        Assert.Equal(1, _engine.Decide(snapshot, "s", "sidebar", Now.AddHours(9), new Random(1))!.Campaign.Id);
    }

    [Fact]
    public void Decide_Daypart_UsesShopTimeZone()
    {
        // 12:00 UTC is 21:00 in Tokyo, inside a 20–24 daypart there.
        var snapshot = Snapshot([Campaign(1, 1, [Creative(11, 0.09)], hours: Dayparting.Parse(Dayparting.Daily(20, 24)))],
            timeZone: TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

        Assert.Equal(1, Decide(snapshot)!.Campaign.Id);
    }

    [Fact]
    public void Decide_ShopperAtFrequencyCap_SkipsCampaignUntilNextDay()
    {
        var snapshot = Snapshot(
            [Campaign(1, 1, [Creative(11, 0.09)], cap: 3), Campaign(2, 1, [Creative(21, 0.01)])],
            impressionsToday: new() { [("seen-twice", 1)] = 2, [("seen-thrice", 1)] = 3 });

        Assert.Equal(1, Decide(snapshot, shopper: "seen-twice")!.Campaign.Id);
        Assert.Equal(2, Decide(snapshot, shopper: "seen-thrice")!.Campaign.Id);
        Assert.Equal(1, _engine.Decide(snapshot, "seen-thrice", "sidebar", Now.AddDays(1), new Random(1))!.Campaign.Id);
    }

    [Fact]
    public void Decide_LiveImpressionsSinceSnapshot_CountTowardCap()
    {
        var snapshot = Snapshot([Campaign(1, 1, [Creative(11, 0.09)], cap: 2), Campaign(2, 1, [Creative(21, 0.01)])],
            impressionsToday: new() { [("s", 1)] = 1 });
        var counter = new FrequencyCounter();

        Assert.Equal(1, _engine.Decide(snapshot, "s", "sidebar", Now, new Random(1), counter)!.Campaign.Id);
        counter.Record("s", 1, snapshot.Day);
        Assert.Equal(2, _engine.Decide(snapshot, "s", "sidebar", Now, new Random(1), counter)!.Campaign.Id);
        counter.Reset();
        Assert.Equal(1, _engine.Decide(snapshot, "s", "sidebar", Now, new Random(1), counter)!.Campaign.Id);
    }

    [Fact]
    public void Decide_AllRulesTogether_OnlyTheFullyEligibleCampaignServes()
    {
        var snapshot = Snapshot(
            [
                Campaign(1, 5, [Creative(11, 0.09)], spentToday: 100),
                Campaign(2, 5, [Creative(21, 0.09)], startsAt: Now.AddDays(1)),
                Campaign(3, 5, [Creative(31, 0.09)], hours: Dayparting.Parse(Dayparting.Daily(0, 6))),
                Campaign(4, 5, [Creative(41, 0.09)], include: [9]),
                Campaign(5, 5, [Creative(51, 0.09)], exclude: [7]),
                Campaign(6, 5, [Creative(61, 0.09)], cap: 1),
                Campaign(7, 5, [Creative(71, 0.09, 728, 90)]),
                Campaign(8, 5, [Creative(81, 0.09)], placements: ["leaderboard"]),
                Campaign(9, 0.1, [Creative(91, 0.01)]),
            ],
            segments: new() { ["s"] = [7] },
            impressionsToday: new() { [("s", 6)] = 1 });

        Assert.Equal(9, Decide(snapshot, shopper: "s")!.Campaign.Id);
    }

    [Fact]
    public void Dayparting_MalformedGrid_IsRejected()
    {
        Assert.False(Dayparting.IsValid("101"));
        Assert.False(Dayparting.IsValid(new string('2', 168)));
        Assert.True(Dayparting.IsValid(""));
        Assert.Throws<FormatException>(() => Dayparting.Parse("1"));
    }
}
