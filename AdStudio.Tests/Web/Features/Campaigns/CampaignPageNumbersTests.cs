using AdStudio.Core.Campaigns;
using AdStudio.Core.Events;
using AdStudio.Core.Privacy;
using AdStudio.Core.Reporting;
using AdStudio.Core.Segments;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Campaigns;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static AdStudio.Tests.Support.EventFactory;

namespace AdStudio.Tests.Web.Features.Campaigns;

/// <summary>The campaign page's cards, budget panel and creatives table: same source, each saying its period, and agreeing.</summary>
public sealed class CampaignPageNumbersTests : IAsyncLifetime
{
    private BunitContext _ui = null!;
    private TestDatabase _db = null!;
    private int _campaignId;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _ui = UiTestContext.Create(services =>
        {
            services.AddSingleton(_db.Factory);
            services.AddSingleton<KpiQuery>();
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Day)));
            services.AddSingleton(Options.Create(new ServingOptions()));
            services.AddSingleton(TestShop.Options());
            services.AddSingleton(Options.Create(new PrivacyOptions()));
            services.AddSingleton<CampaignService>();
        });
        await using var db = _db.Open();
        var (campaign, creatives) = await ShopData.AddCampaignAsync(db, 2, "Numbers agree");
        _campaignId = campaign.Id;
        // Today: 300 + 100 impressions and 6 paid clicks; 40 days ago (before the cards' 30 days): 500 impressions and € 4 spent.
        var events = Enumerable.Range(0, 300).Select(i => Ad(AdEventType.Impression, $"t{i}", campaign.Id, creatives[0].Id))
            .Concat(Enumerable.Range(0, 100).Select(i => Ad(AdEventType.Impression, $"u{i}", campaign.Id, creatives[1].Id)))
            .Concat(Enumerable.Range(0, 6).Select(i => Ad(AdEventType.Click, $"t{i}", campaign.Id, creatives[0].Id, cost: 0.5)))
            .Concat(Enumerable.Range(0, 500).Select(i => Ad(AdEventType.Impression, $"o{i}", campaign.Id, creatives[0].Id, at: Day.AddDays(-40))))
            .Concat(Enumerable.Range(0, 8).Select(i => Ad(AdEventType.Click, $"o{i}", campaign.Id, creatives[0].Id, cost: 0.5, at: Day.AddDays(-40))))
            .ToList();
        await new EventStore(_db.Factory).WriteAsync(new EventBatch([], events), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<CampaignPage> Open()
    {
        var cut = _ui.Render<CampaignPage>(p => p.Add(c => c.Id, _campaignId));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-kpi]")));
        return cut;
    }

    private static string Text(IRenderedComponent<CampaignPage> cut, string selector) => cut.Find(selector).TextContent.Trim();

    [Fact]
    public void CampaignPage_HistoryOlderThanTheCards_CreativesTableCoversTheCardsPeriodAndAddsUpToThem()
    {
        var cut = Open();

        var rows = cut.FindAll("[data-creative-impressions]").Sum(td => long.Parse(td.TextContent.Trim().Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(400, rows);
        Assert.Equal("400", Text(cut, "[data-kpi='Impressions'] [data-kpi-value]"));
        Assert.Contains("last 30 days · 22 Oct – 20 Nov 2026, the same period as the cards: the rows add up to them.", Text(cut, "[data-testid='creatives-period']"), StringComparison.Ordinal);
        Assert.All(cut.FindAll("[data-kpi] [data-kpi-period]"), p => Assert.Equal("last 30 days", p.TextContent.Trim()));
        Assert.Equal("Cards: last 30 days · 22 Oct – 20 Nov 2026 (UTC days)", Text(cut, "[data-testid='cards-period']"));
    }

    [Fact]
    public void CampaignPage_SpendBeforeTheCardsPeriod_BudgetPanelSaysWhyItsTotalDiffersFromTheSpendCard()
    {
        var cut = Open();

        Assert.Equal("€ 3.00", Text(cut, "[data-kpi='Spend'] [data-kpi-value]"));
        Assert.Contains("Today (20 Nov 2026, shop day in UTC, as the daily budget is paced): € 3.00 of € 10.00", Text(cut, "[data-testid='budget-today']"), StringComparison.Ordinal);
        Assert.Contains("Total since the campaign started: € 7.00 of € 100.00", Text(cut, "[data-testid='budget-total']"), StringComparison.Ordinal);
        Assert.Equal("The total also counts € 4.00 spent before 22 Oct 2026, which the cards leave out.", Text(cut, "[data-testid='budget-before-period']"));
        Assert.Contains("today's spend is live", Text(cut, "[data-testid='budget-agreement']"), StringComparison.Ordinal);
    }
}
