using AdStudio.Core.Events;
using AdStudio.Core.Reporting;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AdStudio.Tests.Support.EventFactory;

namespace AdStudio.Tests.Core.Reporting;

public sealed class RollupRobustnessTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task WriteAsync_HugeCostsAndRevenues_KeepRollupsFinite()
    {
        var events = new List<AdEvent>
        {
            Ad(AdEventType.Impression, "a0", cost: 1e308),
            Ad(AdEventType.Impression, "a1", cost: 1e308),
            Ad(AdEventType.Conversion, "a0", revenue: 1e308),
            Ad(AdEventType.Conversion, "a1", revenue: 1e308),
        };

        await new EventStore(_db.Factory).WriteAsync(new EventBatch([], events), CancellationToken.None);

        var report = await new KpiQuery(_db.Factory).GetAsync(DateOnly.FromDateTime(Day), DateOnly.FromDateTime(Day), null, CancellationToken.None);
        Assert.Equal(2e12, report.Totals.Spend);
        Assert.Equal(2e12, report.Totals.Revenue);
        Assert.Equal(0, report.Totals.Roi);
    }

    [Fact]
    public async Task RunAsync_EventsStoredWithHugeOrInfiniteMoney_RebuildsFiniteRollups()
    {
        await using (var db = _db.Open())
        {
            // Straight into the table, as an import or an older version might have left them.
            db.AdEvents.AddRange(
                Ad(AdEventType.Impression, "a0", cost: 1e308),
                Ad(AdEventType.Impression, "a1", cost: double.PositiveInfinity),
                Ad(AdEventType.Impression, "a2", cost: 0.25),
                Ad(AdEventType.Conversion, "a0", revenue: 1e308),
                Ad(AdEventType.Conversion, "a1", revenue: double.MaxValue),
                Ad(AdEventType.Conversion, "a2", revenue: -5));
            await db.SaveChangesAsync();
        }

        var summary = await new RollupStep(_db.Factory, Microsoft.Extensions.Options.Options.Create(new AdStudio.Core.Privacy.PrivacyOptions()), TimeProvider.System).RunAsync(new Progress<double>(), CancellationToken.None);

        await using var check = _db.Open();
        var cell = await check.DailyRollups.AsNoTracking().SingleAsync();
        Assert.Equal("Rebuilt 1 daily rollup rows from the ad events.", summary);
        Assert.Equal((3L, 3L), (cell.Impressions, cell.Conversions));
        Assert.Equal(2e12 + 0.25, cell.Cost);
        Assert.Equal(2e12, cell.Revenue);
    }

    [Fact]
    public void Add_EventWithNonFiniteMoney_CountsItWithinTheBound()
    {
        var deltas = new RollupDeltas();
        var conversion = Ad(AdEventType.Conversion, "a0", revenue: double.NaN);
        conversion.Cost = double.PositiveInfinity;

        deltas.Add(conversion);
        deltas.Add(Ad(AdEventType.Conversion, "a1", revenue: 1e308));

        var totals = Assert.Single(deltas).Value;
        Assert.Equal(1e12, totals.Cost);
        Assert.Equal(1e12, totals.Revenue);
        Assert.Equal(2, totals.Conversions);
    }
}
