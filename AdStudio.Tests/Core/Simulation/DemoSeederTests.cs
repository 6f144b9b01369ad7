using AdStudio.Core.Events;
using AdStudio.Core.Simulation;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Core.Simulation;

public sealed class DemoSeederTests(SeededSmallDemo seeded) : IClassFixture<SeededSmallDemo>, IAsyncLifetime
{
    private readonly FixedClock _clock = new(SeededSmallDemo.Now);
    private TestDatabase _first = null!;
    private TestDatabase _second = null!;

    public async Task InitializeAsync()
    {
        _first = await TestDatabase.CreateAsync();
        _second = await TestDatabase.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    private DemoSeeder Seeder(TestDatabase db) => SeededSmallDemo.Seeder(db, _clock);

    /// <summary>The arrangement "a shop the seeder has filled": the first database becomes a copy of the class's seeded demo.</summary>
    private async Task UseSeededCopyAsync()
    {
        await _first.DisposeAsync();
        _first = await seeded.CopyAsync();
    }

    [Fact]
    public async Task RunAsync_SameSeed_ProducesIdenticalHistory()
    {
        await UseSeededCopyAsync();
        await Seeder(_second).RunAsync(new Progress<double>(), CancellationToken.None);

        Assert.Equal(await FingerprintAsync(_first), await FingerprintAsync(_second));
    }

    [Fact]
    public async Task RunAsync_FillsShopCampaignsAndHistoryMadeByTheDecisionCode()
    {
        var summary = await Seeder(_first).RunAsync(new Progress<double>(), CancellationToken.None);

        await using var db = _first.Open();
        Assert.Equal(400, await db.Shoppers.CountAsync());
        Assert.Equal(DemoCatalog.Campaigns.Count, await db.Campaigns.CountAsync());
        Assert.True(await db.BehaviourEvents.CountAsync() > 400 * 3 / 2, "behaviour events");
        var impressions = await db.AdEvents.Where(e => e.Type == AdEventType.Impression).ToListAsync();
        Assert.NotEmpty(impressions);
        // Every impression carries a decision id that the serving code signed for that shopper.
        var codec = SeededSmallDemo.Codec;
        Assert.All(impressions, e => Assert.True(codec.TryDecode(e.DecisionId, e.ShopperId!, out var t) && t.CampaignId == e.CampaignId));
        Assert.All(impressions, e => Assert.InRange(e.OccurredAt, _clock.Now.UtcDateTime.Date.AddDays(-3), _clock.Now.UtcDateTime));
        // Rollups were kept in step with the raw events.
        Assert.Equal(impressions.Count, await db.DailyRollups.SumAsync(r => r.Impressions));
        Assert.Contains("400 shoppers", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Twice_SecondRunDoesNothing()
    {
        await UseSeededCopyAsync();
        var before = await FingerprintAsync(_first);

        var summary = await Seeder(_first).RunAsync(new Progress<double>(), CancellationToken.None);

        Assert.Equal(before, await FingerprintAsync(_first));
        Assert.Contains("nothing to do", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DatabaseWithOwnShoppers_RefusesToSeed()
    {
        await using (var db = _first.Open())
        {
            db.Shoppers.Add(new AdStudio.Core.Shoppers.Shopper { Id = "real-customer", AllowsPersonalisation = true, AllowsMeasurement = true, FirstSeenAt = _clock.Now.UtcDateTime });
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => Seeder(_first).RunAsync(new Progress<double>(), CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_NoMarkerButASegment_RefusesToSeed()
    {
        await using (var db = _first.Open())
        {
            db.Segments.Add(new AdStudio.Core.Segments.Segment { Name = "Our VIPs", CreatedAt = _clock.Now.UtcDateTime });
            await db.SaveChangesAsync();
        }

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => Seeder(_first).RunAsync(new Progress<double>(), CancellationToken.None));

        Assert.Contains("only fills an empty database", refusal.Message, StringComparison.Ordinal);
        await using var after = _first.Open();
        Assert.Equal(1, await after.Segments.CountAsync());
    }

    [Fact]
    public async Task RunAsync_InterruptedSeedWithOnlyItsOwnData_StartsOverAndCompletes()
    {
        await UseSeededCopyAsync();
        var complete = await CountsAsync(_first);
        await MarkInterruptedAsync(_first, DemoSeedGuard.StartedMarker(_clock.Now.UtcDateTime));

        var summary = await Seeder(_first).RunAsync(new Progress<double>(), CancellationToken.None);

        // Started over: the same world again (new row ids, so compared by counts), not added on top.
        Assert.Contains("Seeded 400 shoppers", summary, StringComparison.Ordinal);
        Assert.Equal(complete, await CountsAsync(_first));
        await using var db = _first.Open();
        Assert.Equal("completed", (await db.Settings.SingleAsync(s => s.Key == DemoSeeder.MarkerKey)).Value);
    }

    [Theory]
    [InlineData("foreign shopper", "shoppers that are not in the demo world")]
    [InlineData("event after start", "events recorded after")]
    [InlineData("campaign after start", "created after the interrupted seed started")]
    [InlineData("audited creative", "campaigns or creatives that someone changed")]
    [InlineData("marker without time", "events recorded after")]
    public async Task RunAsync_InterruptedSeedAndDataItDidNotCreate_RefusesAndKeepsEverything(string added, string reason)
    {
        await UseSeededCopyAsync();
        var startedAt = _clock.Now.UtcDateTime;
        await MarkInterruptedAsync(_first, added == "marker without time" ? "started" : DemoSeedGuard.StartedMarker(startedAt));
        await using (var db = _first.Open())
        {
            var later = startedAt.AddHours(1);
            switch (added)
            {
                case "foreign shopper":
                    db.Shoppers.Add(new AdStudio.Core.Shoppers.Shopper { Id = "real-customer", AllowsPersonalisation = true, AllowsMeasurement = true, FirstSeenAt = startedAt.AddDays(-10) });
                    break;
                case "event after start":
                    db.BehaviourEvents.Add(new AdStudio.Core.Events.BehaviourEvent { ShopperId = "shopper-000001", Type = default, OccurredAt = later });
                    break;
                case "campaign after start":
                    db.Campaigns.Add(new AdStudio.Core.Campaigns.Campaign { Name = "Black Friday", CreatedAt = later, StartsAt = later });
                    break;
                case "audited creative":
                    AdStudio.Core.Auditing.AuditTrail.Add(db, AdStudio.Core.Auditing.AuditTrail.Creative, 1, "marketer@shop.test", "updated", null, later);
                    break;
            }

            await db.SaveChangesAsync();
        }

        var before = await FingerprintAsync(_first);
        await using var counts = _first.Open();
        var shoppers = await counts.Shoppers.CountAsync();
        var campaigns = await counts.Campaigns.CountAsync();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => Seeder(_first).RunAsync(new Progress<double>(), CancellationToken.None));

        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, await FingerprintAsync(_first));
        Assert.Equal(shoppers, await counts.Shoppers.CountAsync());
        Assert.Equal(campaigns, await counts.Campaigns.CountAsync());
    }

    private static async Task<string> CountsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return $"{await db.Shoppers.CountAsync()}|{await db.Campaigns.CountAsync()}|{await db.Creatives.CountAsync()}|{await db.Segments.CountAsync()}|"
            + $"{await db.BehaviourEvents.CountAsync()}|{await db.AdEvents.CountAsync()}";
    }

    private static async Task MarkInterruptedAsync(TestDatabase database, string marker)
    {
        await using var db = database.Open();
        await db.Settings.Where(s => s.Key == DemoSeeder.MarkerKey).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, marker));
    }

    private static async Task<string> FingerprintAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var behaviour = await db.BehaviourEvents.CountAsync();
        var amount = await db.BehaviourEvents.SumAsync(e => e.Amount ?? 0);
        var ads = await db.AdEvents.OrderBy(e => e.Id).Select(e => e.DecisionId + e.Type).ToListAsync();
        var rollups = await db.DailyRollups.OrderBy(r => r.Date).ThenBy(r => r.CampaignId).ThenBy(r => r.CreativeId)
            .Select(r => $"{r.Date}:{r.CampaignId}:{r.CreativeId}:{r.Impressions}:{r.Clicks}:{r.Conversions}:{r.Revenue:F2}").ToListAsync();
        return $"{behaviour}|{amount:F2}|{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join(",", ads))))}|{ads.Count}|{string.Join(";", rollups)}";
    }
}
