using AdStudio.Core.Campaigns;
using AdStudio.Core.Reporting;
using AdStudio.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace AdStudio.Tests.Web.Features.Dashboard;

/// <summary>The dashboard reads its period and campaign from the address and writes them back when they change.</summary>
public sealed class DashboardAddressTests : IAsyncLifetime
{
    private static readonly DateTime Today = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private BunitContext _ui = null!;
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using (var db = _db.Open())
        {
            db.Campaigns.AddRange(
                new Campaign { Id = 1, Name = "Spring Sale", BidType = BidType.Cpc, Bid = 0.5, DailyBudget = 10, TotalBudget = 100 },
                new Campaign { Id = 2, Name = "Winter Sale", BidType = BidType.Cpm, Bid = 5, DailyBudget = 10, TotalBudget = 100 });
            await db.SaveChangesAsync();
        }

        _ui = UiTestContext.Create(services =>
        {
            services.AddSingleton(_db.Factory);
            services.AddSingleton<KpiQuery>();
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Today)));
        });
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        await _db.DisposeAsync();
    }

    private NavigationManager Navigation => _ui.Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<AdStudio.Web.Features.Dashboard.Dashboard> Open(string address)
    {
        Navigation.NavigateTo(address);
        var cut = _ui.Render<AdStudio.Web.Features.Dashboard.Dashboard>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-kpi]")));
        return cut;
    }

    [Fact]
    public void Open_ValidAddress_ShowsThatPeriodAndCampaign()
    {
        var cut = Open("/?from=2026-11-01&to=2026-11-15&campaign=2");

        var range = cut.FindComponent<MudDateRangePicker>().Instance.DateRange!;
        Assert.Equal((new DateTime(2026, 11, 1), new DateTime(2026, 11, 15)), (range.Start, range.End));
        Assert.Equal(2, cut.FindComponent<MudSelect<int?>>().Instance.GetState(x => x.Value));
    }

    [Theory]
    [InlineData("/?from=banana&to=2026-11-15&campaign=abc")]
    [InlineData("/?from=2026-11-20&to=2026-11-01&campaign=-4")]
    [InlineData("/?campaign=999")]
    [InlineData("/?from=2026-02-31&to=%3Cscript%3E&campaign=99999999999")]
    public void Open_InvalidAddress_FallsBackToTheLast30DaysOfAllCampaigns(string address)
    {
        var cut = Open(address);

        var range = cut.FindComponent<MudDateRangePicker>().Instance.DateRange!;
        Assert.Equal((new DateTime(2026, 11, 1), new DateTime(2026, 11, 30)), (range.Start, range.End));
        Assert.Null(cut.FindComponent<MudSelect<int?>>().Instance.GetState(x => x.Value));
        Assert.Empty(cut.FindAll(".mud-alert-filled-error, [data-testid='dashboard-error']"));
    }

    [Fact]
    public async Task ChangeFilters_WritesThemIntoTheAddress()
    {
        var cut = Open("/");

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(1));
        await cut.InvokeAsync(() => cut.FindComponent<MudDateRangePicker>().Instance.DateRangeChanged.InvokeAsync(
            new DateRange(new DateTime(2026, 10, 1), new DateTime(2026, 10, 31))));

        var query = new Uri(Navigation.Uri).Query;
        Assert.Contains("from=2026-10-01", query, StringComparison.Ordinal);
        Assert.Contains("to=2026-10-31", query, StringComparison.Ordinal);
        Assert.Contains("campaign=1", query, StringComparison.Ordinal);
    }
}
