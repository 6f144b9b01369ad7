using AdStudio.Core.Events;
using AdStudio.Core.Reporting;
using AdStudio.Tests.Support;
using static AdStudio.Tests.Support.EventFactory;

namespace AdStudio.Tests.Core.Reporting;

public sealed class KpiQueryTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var events = new List<AdEvent>();
        for (var i = 0; i < 200; i++)
        {
            events.Add(Ad(AdEventType.Impression, $"a{i}", campaignId: 1, cost: 0.005));
        }

        for (var i = 0; i < 10; i++)
        {
            events.Add(Ad(AdEventType.Click, $"a{i}", campaignId: 1));
        }

        events.Add(Ad(AdEventType.Conversion, "a0", campaignId: 1, revenue: 3));
        events.Add(Ad(AdEventType.Impression, "b0", campaignId: 2, cost: 0.5, at: Day.AddDays(-1)));
        await new EventStore(_db.Factory).WriteAsync(new EventBatch([], events), CancellationToken.None);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task GetAsync_AllCampaigns_SumsRollupsAndDerivesRates()
    {
        var today = DateOnly.FromDateTime(Day);

        var report = await new KpiQuery(_db.Factory).GetAsync(today.AddDays(-6), today, null, CancellationToken.None);

        Assert.Equal((201L, 10L, 1L), (report.Totals.Impressions, report.Totals.Clicks, report.Totals.Conversions));
        Assert.Equal(1.5, report.Totals.Spend, 12);
        Assert.Equal(3, report.Totals.Revenue, 12);
        Assert.Equal(10 / 201.0, report.Totals.Ctr!.Value, 12);
        Assert.Equal(0.1, report.Totals.Cvr!.Value, 12);
        Assert.Equal(1.0, report.Totals.Roi!.Value, 12);
        Assert.Equal(7, report.Days.Count);
        Assert.Equal(200, report.Days[^1].Kpis.Impressions);
        Assert.Equal(1, report.Days[^2].Kpis.Impressions);
        Assert.Null(report.Days[0].Kpis.Ctr);
    }

    [Fact]
    public async Task GetAsync_OneCampaign_CountsOnlyIt()
    {
        var today = DateOnly.FromDateTime(Day);

        var report = await new KpiQuery(_db.Factory).GetAsync(today, today, campaignId: 2, CancellationToken.None);

        Assert.Equal(0, report.Totals.Impressions);
        Assert.Null(report.Totals.Roi);
    }

    [Fact]
    public async Task GetAsync_EndBeforeStart_Throws()
    {
        var today = DateOnly.FromDateTime(Day);

        await Assert.ThrowsAsync<ArgumentException>(() => new KpiQuery(_db.Factory).GetAsync(today, today.AddDays(-1), null, CancellationToken.None));
    }
}
