using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Events;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Features.Serving;

/// <summary>
/// Two serving nodes simulated in one process on one database (each with its own snapshot builder, holder, refresher and
/// live counts, as two processes would have): a daily budget and a frequency cap are exceeded by no more than
/// <see cref="ScaleOutBound"/>, and by about the whole limit when snapshots are never refreshed (each node then sees only
/// its own traffic), so the test fails if spend or impressions were counted per node only.
/// </summary>
public sealed class BudgetsAcrossNodesTests : IAsyncLifetime
{
    private const double Budget = 10;
    private const double Charge = 0.25;
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly FixedClock _clock = new(Start);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(5, 2)]
    public async Task Serve_TwoNodesRefreshingEveryFewSeconds_OverspendStaysWithinTheBound(int refreshSeconds, int perSecond)
    {
        // Arrange
        var campaign = await AddCampaignAsync(Budget, cap: null);
        var bound = ScaleOutBound.Excess(2, perSecond, Charge, TimeSpan.FromSeconds(refreshSeconds), TimeSpan.Zero, Budget);

        // Act: every shopper is new, so only the budget stops the campaign.
        var spent = await RunAsync(campaign, refreshSeconds, perSecond, second => $"shopper-{second}");

        // Assert
        Assert.InRange(spent - Budget, 0, bound);
        Assert.True(bound < Budget, "The bound must be tighter than a node spending the budget on its own, or the test proves nothing.");
    }

    [Fact]
    public async Task Serve_TwoNodesNeverRefreshing_EachSpendsTheBudgetReachingTheBound()
    {
        var campaign = await AddCampaignAsync(Budget, cap: null);
        var bound = ScaleOutBound.Excess(2, 3, Charge, TimeSpan.FromDays(1), TimeSpan.Zero, Budget);

        var spent = await RunAsync(campaign, refreshSeconds: int.MaxValue, perSecond: 3, second => $"shopper-{second}");

        // Each node stops at the budget by its own live counts: the cluster spends it twice, within one charge of the bound.
        Assert.Equal(2 * Budget, spent, 9);
        Assert.InRange(spent - Budget, bound - (2 * Charge), bound);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Serve_OneShopperOnTwoNodes_CapExcessStaysWithinTheBound(int refreshSeconds)
    {
        // Arrange: one shopper asks each node once a second; the budget is out of reach.
        const int cap = 10;
        var campaign = await AddCampaignAsync(1000, cap);
        var bound = ScaleOutBound.Excess(2, 1, 1, TimeSpan.FromSeconds(refreshSeconds), TimeSpan.Zero, cap);

        // Act
        await RunAsync(campaign, refreshSeconds, perSecond: 1, _ => "s1");

        // Assert
        Assert.InRange(await ImpressionsAsync("s1") - cap, 0, bound);
        Assert.True(bound < cap, "The bound must be tighter than a node reaching the cap on its own.");
    }

    [Fact]
    public async Task Serve_OneShopperOnTwoNodesNeverRefreshing_EachNodeShowsTheCap()
    {
        const int cap = 10;
        var campaign = await AddCampaignAsync(1000, cap);
        var bound = ScaleOutBound.Excess(2, 1, 1, TimeSpan.FromDays(1), TimeSpan.Zero, cap);

        await RunAsync(campaign, refreshSeconds: int.MaxValue, perSecond: 1, _ => "s1");

        var excess = await ImpressionsAsync("s1") - cap;
        Assert.Equal(cap, excess);
        Assert.InRange(excess, 0, bound);
    }

    /// <summary>
    /// Sixty simulated seconds. Each second, each node whose turn it is refreshes (node B half a period after A), then
    /// both serve <paramref name="perSecond"/> requests; every ad served is stored at once (W = 0) and counted by the
    /// node that served it, as <c>/events</c> does. Returns the day's spend in the database.
    /// </summary>
    private async Task<double> RunAsync((int CampaignId, int CreativeId) campaign, int refreshSeconds, int perSecond, Func<int, string> shopper)
    {
        Node[] nodes = [Node.Create(_db, _clock), Node.Create(_db, _clock)];
        foreach (var node in nodes)
        {
            await node.Refresher.RefreshAsync(CancellationToken.None);
        }

        for (var second = 1; second <= 60; second++)
        {
            _clock.Now = Start.AddSeconds(second);
            for (var i = 0; i < nodes.Length; i++)
            {
                var offset = i * Math.Max(1, refreshSeconds / 2);
                if (refreshSeconds != int.MaxValue && (second - offset) % refreshSeconds == 0)
                {
                    Assert.True(await nodes[i].Refresher.RefreshAsync(CancellationToken.None));
                }
            }

            foreach (var node in nodes)
            {
                for (var request = 0; request < perSecond; request++)
                {
                    await node.ServeAsync(_db, shopper(second), campaign, _clock.Now.UtcDateTime);
                }
            }
        }

        await using var db = _db.Open();
        return await db.AdEvents.Where(e => e.CampaignId == campaign.CampaignId).SumAsync(e => e.Cost);
    }

    private async Task<int> ImpressionsAsync(string shopperId)
    {
        await using var db = _db.Open();
        return await db.AdEvents.CountAsync(e => e.ShopperId == shopperId && e.Type == AdEventType.Impression);
    }

    private async Task<(int CampaignId, int CreativeId)> AddCampaignAsync(double dailyBudget, int? cap)
    {
        await using var db = _db.Open();
        var (campaign, creatives) = await ShopData.AddCampaignAsync(db, creatives: 1);
        campaign.Status = CampaignStatus.Active;
        campaign.DailyBudget = dailyBudget;
        campaign.TotalBudget = 100_000;
        campaign.FrequencyCapPerDay = cap;
        campaign.StartsAt = Start.UtcDateTime.AddDays(-1);
        creatives.ForEach(creative => creative.Status = CreativeStatus.Approved);
        await db.SaveChangesAsync();
        return (campaign.Id, creatives[0].Id);
    }

    /// <summary>What one serving node holds in memory; the database is the only thing nodes share.</summary>
    private sealed record Node(SnapshotHolder Holder, FrequencyCounter Frequency, StoredImpressionCounter Counter, SnapshotRefresher Refresher)
    {
        private readonly DecisionEngine _engine = new(0);
        private readonly Random _random = new(7);

        public static Node Create(TestDatabase db, TimeProvider clock)
        {
            var serving = Options.Create(new ServingOptions());
            var builder = new SnapshotBuilder(db.Factory, serving, Options.Create(TestShop.With("sidebar")));
            var holder = new SnapshotHolder();
            var frequency = new FrequencyCounter();
            var refresher = new SnapshotRefresher(builder, holder, frequency, serving, clock, NullLogger<SnapshotRefresher>.Instance);
            return new Node(holder, frequency, new StoredImpressionCounter(frequency, holder), refresher);
        }

        public async Task ServeAsync(TestDatabase db, string shopperId, (int CampaignId, int CreativeId) campaign, DateTime now)
        {
            var decision = _engine.Decide(Holder.Current, shopperId, "sidebar", now, _random, Frequency);
            if (decision is null)
            {
                return;
            }

            Assert.Equal(campaign.CampaignId, decision.Campaign.Id);
            var impression = new AdEvent
            {
                Type = AdEventType.Impression,
                DecisionId = Guid.NewGuid().ToString("N"),
                ShopperId = shopperId,
                CampaignId = campaign.CampaignId,
                CreativeId = campaign.CreativeId,
                Placement = "sidebar",
                Cost = Charge,
                OccurredAt = now,
            };
            await using (var context = db.Open())
            {
                context.AdEvents.Add(impression);
                await context.SaveChangesAsync();
            }

            Counter.CountStored([impression]);
        }
    }
}
