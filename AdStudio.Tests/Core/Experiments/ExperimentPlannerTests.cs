using AdStudio.Core.Events;
using AdStudio.Core.Experiments;
using AdStudio.Core.Experiments.Stats;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Core.Experiments;

public sealed class ExperimentPlannerTests
{
    [Theory]
    [InlineData(56, false)]
    [InlineData(57, true)]
    [InlineData(400, true)]
    [InlineData(3, false)]
    public void IsTooLong_AroundEightWeeks_WarnsOnlyBeyondThem(int days, bool tooLong)
    {
        var plan = new ExperimentPlan(new SampleSizePlan(1000, 2000, days), 0.03, 0.1, 100);

        Assert.Equal(tooLong, plan.IsTooLong);
    }

    [Fact]
    public void Plan_SmallEffectAtLowTraffic_NeedsMoreThanEightWeeksAndSaysHowLong()
    {
        // 3 % baseline, 5 % relative lift: about 208,000 shoppers per arm; at 500 a day that is most of two years.
        var plan = ExperimentPlanner.Plan(0.03, 0.05, 0.05, 0.8, 2, 500);

        Assert.True(plan.IsTooLong);
        Assert.Equal((int)Math.Ceiling(plan.Sample.TotalUnits / 500.0), plan.Days);
        Assert.Equal(Math.Round(plan.Days!.Value / 7.0, 1), plan.Weeks);
    }

    [Fact]
    public void Plan_LargeEffectAtHighTraffic_FitsInEightWeeks()
    {
        var plan = ExperimentPlanner.Plan(0.03, 0.25, 0.05, 0.8, 2, 5000);

        Assert.False(plan.IsTooLong);
        Assert.InRange(plan.Days!.Value, 1, ExperimentPlanner.LongTestDays);
    }

    [Theory]
    [InlineData(123.4, 123)]
    [InlineData(123.5, 124)]
    [InlineData(7.142857, 7)]
    public void Plan_FractionalShoppersPerDay_PlansWithWholeShoppers(double perDay, long expected)
    {
        var plan = ExperimentPlanner.Plan(0.03, 0.1, 0.05, 0.8, 2, perDay);

        Assert.Equal(expected, plan.ShoppersPerDay);
        Assert.Equal((int)Math.Ceiling(plan.Sample.TotalUnits / (double)expected), plan.Days);
    }

    [Fact]
    public void Plan_WithoutTraffic_LeavesTheDurationUnknown()
    {
        var plan = ExperimentPlanner.Plan(0.03, 0.1, 0.05, 0.8, 2, null);

        Assert.Null(plan.Days);
        Assert.False(plan.IsTooLong);
    }

    [Fact]
    public void Plan_TypedEffect_IsKeptInThePlan()
    {
        var plan = ExperimentPlanner.Plan(0.03, 0.2, 0.05, 0.8, 2, 100);

        Assert.Equal(0.2, plan.MinimumDetectableEffect);
        Assert.Equal(SampleSizePlan.For(0.03, 0.2, 0.05, 0.8, 2, null).UnitsPerVariant, plan.Sample.UnitsPerVariant);
    }

    [Fact]
    public void Traffic_NoHistory_AssumesTheBaseline()
    {
        var traffic = new CampaignTraffic(0, 0);

        Assert.True(traffic.HasNoHistory);
        Assert.True(traffic.BaselineAssumed);
        Assert.Equal(ExperimentPlanner.AssumedBaselineRate, traffic.Baseline);
    }

    [Fact]
    public void Traffic_ShoppersButNoConversions_AssumesTheBaselineButKeepsTheReach()
    {
        var traffic = new CampaignTraffic(10.6, 0);

        Assert.False(traffic.HasNoHistory);
        Assert.True(traffic.BaselineAssumed);
        Assert.Equal((11L, 0.03), (traffic.RoundedShoppersPerDay, traffic.Baseline));
    }

    [Fact]
    public void Traffic_WithConversions_UsesTheMeasuredBaseline()
    {
        var traffic = new CampaignTraffic(12.5, 0.042);

        Assert.False(traffic.BaselineAssumed);
        Assert.Equal((13L, 0.042), (traffic.RoundedShoppersPerDay, traffic.Baseline));
    }

    [Fact]
    public async Task RecentTraffic_CountsDistinctShoppersOfTheLastTwoWeeks()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        await using var database = await TestDatabase.CreateAsync();
        int campaignId;
        await using (var db = database.Open())
        {
            var (campaign, creatives) = await ShopData.AddCampaignAsync(db, 1);
            campaignId = campaign.Id;
            for (var i = 0; i < 100; i++)
            {
                // 100 shoppers in the window (seen twice each), 10 of them converting; 50 more before the window.
                foreach (var (type, n) in new[] { (AdEventType.Impression, 0), (AdEventType.Impression, 1) }.Concat(i < 10 ? [(AdEventType.Conversion, 2)] : []))
                {
                    db.AdEvents.Add(new AdEvent { Type = type, DecisionId = $"d{i}-{n}", ShopperId = $"s{i}", CampaignId = campaign.Id, CreativeId = creatives[0].Id, OccurredAt = now.UtcDateTime.AddDays(-(i % 13) - 0.5) });
                }
            }

            for (var i = 0; i < 50; i++)
            {
                db.AdEvents.Add(new AdEvent { Type = AdEventType.Impression, DecisionId = $"old{i}", ShopperId = $"old{i}", CampaignId = campaign.Id, CreativeId = creatives[0].Id, OccurredAt = now.UtcDateTime.AddDays(-20) });
            }

            await db.SaveChangesAsync();
        }

        var traffic = await new ExperimentPlanner(database.Factory, new FixedClock(now)).RecentTrafficAsync(campaignId, CancellationToken.None);

        Assert.Equal(100 / 14.0, traffic.ShoppersPerDay, 9);
        Assert.Equal((7L, 0.1), (traffic.RoundedShoppersPerDay, traffic.ConversionRate));
    }
}
