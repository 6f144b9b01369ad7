using AdStudio.Core.Campaigns;
using AdStudio.Core.Events;
using AdStudio.Core.Reporting;
using AdStudio.Core.Shop;
using AdStudio.Tests.Support;
using AdStudio.Web.Components.Common;
using AdStudio.Web.Features.Dashboard;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using static AdStudio.Tests.Support.EventFactory;

namespace AdStudio.Tests.Web.Features.Dashboard;

public sealed class DashboardTests : IAsyncLifetime
{
    private BunitContext _ui = null!;
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _ui = UiTestContext.Create(services =>
        {
            services.AddSingleton(_db.Factory);
            services.AddSingleton<KpiQuery>();
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Day)));
        });
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task SeedHistoryAsync()
    {
        await using (var db = _db.Open())
        {
            db.Campaigns.AddRange(
                new Campaign { Id = 1, Name = "Spring Sale", BidType = BidType.Cpc, Bid = 0.5, DailyBudget = 10, TotalBudget = 100 },
                new Campaign { Id = 2, Name = "Winter Sale", BidType = BidType.Cpm, Bid = 5, DailyBudget = 10, TotalBudget = 100 });
            await db.SaveChangesAsync();
        }

        var events = Enumerable.Range(0, 400).Select(i => Ad(AdEventType.Impression, $"a{i}", campaignId: 1, at: Day.AddDays(-(i % 4))))
            .Concat(Enumerable.Range(0, 12).Select(i => Ad(AdEventType.Click, $"a{i}", campaignId: 1, cost: 0.5, at: Day.AddDays(-(i % 4)))))
            .Concat(Enumerable.Range(0, 3).Select(i => Ad(AdEventType.Conversion, $"a{i}", campaignId: 1, revenue: 10, at: Day.AddDays(-(i % 4)))))
            .Append(Ad(AdEventType.Impression, "b0", campaignId: 2, cost: 0.02))
            .ToList();
        await new EventStore(_db.Factory).WriteAsync(new EventBatch([], events), CancellationToken.None);
    }

    private static string Kpi(IRenderedComponent<AdStudio.Web.Features.Dashboard.Dashboard> cut, string name) =>
        cut.Find($"[data-kpi='{name}'] [data-kpi-value]").TextContent.Trim();

    [Fact]
    public async Task Dashboard_WithHistory_ShowsKpiCardsFromRollupsAndChart()
    {
        await SeedHistoryAsync();

        var cut = _ui.Render<AdStudio.Web.Features.Dashboard.Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal("401", Kpi(cut, "Impressions")));
        Assert.Equal("12", Kpi(cut, "Clicks"));
        Assert.Equal("3", Kpi(cut, "Conversions"));
        Assert.Equal("€ 6.02", Kpi(cut, "Spend"));
        Assert.Equal("€ 30.00", Kpi(cut, "Revenue"));
        Assert.Equal("2.99 %", Kpi(cut, "CTR"));
        Assert.Equal("25.00 %", Kpi(cut, "CVR (per click)"));
        Assert.Equal("398 %", Kpi(cut, "ROI"));
        Assert.Equal(8, cut.FindAll("[data-kpi]").Count);
        Assert.NotNull(cut.Find("figure[data-chart] svg"));
        Assert.Empty(cut.FindAll("[data-testid='dashboard-empty']"));
    }

    [Fact]
    public async Task Dashboard_DefaultRange_EveryCardSaysTheLast30Days()
    {
        await SeedHistoryAsync();

        var cut = _ui.Render<AdStudio.Web.Features.Dashboard.Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal("401", Kpi(cut, "Impressions")));
        var periods = cut.FindAll("[data-kpi] [data-kpi-period]").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(8, periods.Count);
        Assert.All(periods, p => Assert.Equal("last 30 days · 22 Oct – 20 Nov 2026", p));
        Assert.Equal("last 30 days · 22 Oct – 20 Nov 2026", cut.Find("[data-testid='chart-period']").TextContent.Trim());
        Assert.Contains("Conversions ÷ clicks", cut.Find("[data-kpi='CVR (per click)'] [data-kpi-definition]").GetAttribute("data-kpi-definition"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ChosenRange_CardsSayThoseDates()
    {
        await SeedHistoryAsync();
        var cut = _ui.Render<AdStudio.Web.Features.Dashboard.Dashboard>();
        cut.WaitForAssertion(() => Assert.Equal("401", Kpi(cut, "Impressions")));

        var picker = cut.FindComponent<MudDateRangePicker>();
        await cut.InvokeAsync(() => picker.Instance.DateRangeChanged.InvokeAsync(new DateRange(new DateTime(2026, 11, 1), new DateTime(2026, 11, 18))));

        cut.WaitForAssertion(() => Assert.Equal("1 – 18 Nov 2026", cut.Find("[data-kpi='Spend'] [data-kpi-period]").TextContent.Trim()));
    }

    [Fact]
    public async Task Dashboard_ShopInDollars_ShowsMoneyWithTheDollarSign()
    {
        await SeedHistoryAsync();
        await using var ui = UiTestContext.Create(services =>
        {
            services.AddSingleton(_db.Factory);
            services.AddSingleton<KpiQuery>();
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Day)));
            services.AddSingleton(new ShopMoney(Options.Create(new ShopOptions { Currency = "USD" })));
        });

        var cut = ui.Render<AdStudio.Web.Features.Dashboard.Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal("$ 6.02", Kpi(cut, "Spend")));
        Assert.Equal("$ 30.00", Kpi(cut, "Revenue"));
    }

    [Fact]
    public async Task Dashboard_CampaignFilter_ShowsOnlyThatCampaign()
    {
        await SeedHistoryAsync();
        var cut = _ui.Render<AdStudio.Web.Features.Dashboard.Dashboard>();
        cut.WaitForAssertion(() => Assert.Equal("401", Kpi(cut, "Impressions")));

        var filter = cut.FindComponent<MudSelect<int?>>();
        await cut.InvokeAsync(() => filter.Instance.ValueChanged.InvokeAsync(2));

        cut.WaitForAssertion(() => Assert.Equal("1", Kpi(cut, "Impressions")));
        Assert.Equal("0", Kpi(cut, "Clicks"));
        Assert.Equal("—", Kpi(cut, "CVR (per click)"));
    }

    [Fact]
    public async Task Dashboard_PeriodBeforeHistory_ShowsEmptyStateInsteadOfChart()
    {
        await SeedHistoryAsync();
        var cut = _ui.Render<AdStudio.Web.Features.Dashboard.Dashboard>();
        cut.WaitForAssertion(() => Assert.Equal("401", Kpi(cut, "Impressions")));

        var picker = cut.FindComponent<MudDateRangePicker>();
        await cut.InvokeAsync(() => picker.Instance.DateRangeChanged.InvokeAsync(new DateRange(Day.AddDays(-60), Day.AddDays(-40))));

        cut.WaitForAssertion(() => Assert.Equal("0", Kpi(cut, "Impressions")));
        Assert.NotNull(cut.Find("[data-testid='dashboard-empty']"));
        Assert.Empty(cut.FindAll("figure[data-chart]"));
    }

    [Fact]
    public void Dashboard_EmptyDatabase_PointsToTheJobsPage()
    {
        var cut = _ui.Render<AdStudio.Web.Features.Dashboard.Dashboard>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='dashboard-empty']")));
        Assert.Equal("0", Kpi(cut, "Impressions"));
        Assert.Equal("—", Kpi(cut, "CTR"));
        Assert.NotNull(cut.Find("a[href='/jobs']"));
    }
}
