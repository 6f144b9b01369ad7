using AdStudio.Core.Events;
using AdStudio.Core.Serving;
using AdStudio.Core.Simulation;
using AdStudio.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Simulation;

/// <summary>
/// The demo's economics land in typical e-commerce display ranges. Seeded with the default seed (42) and days (30)
/// but 5,000 shoppers instead of 20,000 to keep the suite fast: the rates are scale-free (each shopper's behaviour and
/// the campaigns' budgets are per shopper and per day, and the same seed at 5,000 and 20,000 shoppers gives rates within
/// noise of each other — docs/simulator.md lists both). The full default demo is measured with
/// <c>dotnet bench/AdStudio.Bench/bin/Release/net10.0/AdStudio.Bench.dll demo-economics</c>.
/// </summary>
public sealed class DemoEconomicsTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
    private readonly DemoOptions _options = new() { Shoppers = 5000, Days = 30, Seed = 42 };
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var serving = new ServingOptions
        {
            Placements = new()
            {
                ["sidebar"] = new() { Width = 300, Height = 250 },
                ["leaderboard"] = new() { Width = 728, Height = 90 },
                ["mobile"] = new() { Width = 320, Height = 50 },
            },
        };
        await new DemoSeeder(
            _db.Factory,
            new EventStore(_db.Factory),
            new SnapshotBuilder(_db.Factory, Options.Create(serving)),
            new AdServer(new DecisionEngine(serving.ExplorationRate), new DecisionTokenCodec(new byte[32])),
            Options.Create(_options),
            _clock).RunAsync(new Progress<double>(), CancellationToken.None);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Seed_DefaultDemo_LandsInTypicalDisplayRanges()
    {
        await using var db = _db.Open();

        var total = (await DemoEconomics.MeasureAsync(db, CancellationToken.None))[0];

        // CTR a fraction of a percent to about 2 %; CVR (per click) a few percent; ROAS 2–8 (ROI 100–700 %).
        Assert.InRange(total.Ctr, 0.002, 0.02);
        Assert.InRange(total.Cvr, 0.01, 0.10);
        Assert.InRange(total.Roas, 2, 8);
        // What the shop pays is plausible for EUR.
        Assert.InRange(total.Cpc, 0.30, 1.50);
        Assert.InRange(total.Cpm, 2, 12);
    }

    [Fact]
    public void Rates_GivenTotals_FollowTheirDefinitions()
    {
        var e = new DemoEconomics("x", Impressions: 10_000, Clicks: 100, Conversions: 5, Spend: 80, Revenue: 400);

        Assert.Equal(0.01, e.Ctr, 12);
        Assert.Equal(0.05, e.Cvr, 12);
        Assert.Equal(5, e.Roas, 12);
        Assert.Equal(4, e.Roi, 12);
        Assert.Equal(0.8, e.Cpc, 12);
        Assert.Equal(8, e.Cpm, 12);
    }
}
