using AdStudio.Core.Events;
using AdStudio.Core.Serving;
using AdStudio.Core.Simulation;
using AdStudio.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Simulation;

/// <summary>
/// The default demo's economics land in typical e-commerce display ranges. Seeded with the default settings
/// (20,000 shoppers, 30 days, seed 42) because at a realistic CVR a smaller shop has only a dozen conversions and its
/// ROAS swings with each €150 electronics basket (5,000 shoppers with the same seed: CTR 1.13 %, CVR 5.1 %, but ROAS
/// 9.0 on 14 conversions — the rates are scale-free, ROAS is not at small scale; docs/simulator.md). About 45 s on two idle cores. Measured by hand with
/// <c>dotnet run -c Release --project bench/AdStudio.Bench -- demo-economics</c> (bench/results/demo-economics.md).
/// </summary>
public sealed class DemoEconomicsTests
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

    /// <summary>Seeds the demo with the default <see cref="DemoOptions"/> into a fresh database.</summary>
    private async Task<TestDatabase> SeedDefaultDemoAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var serving = new ServingOptions();
        var shop = TestShop.With("sidebar", "leaderboard", "mobile");
        await new DemoSeeder(
            database.Factory,
            new EventStore(database.Factory),
            new SnapshotBuilder(database.Factory, Options.Create(serving), Options.Create(shop)),
            new AdServer(new DecisionEngine(serving.ExplorationRate), new DecisionTokenCodec(new byte[32])),
            Options.Create(new DemoOptions()),
            _clock).RunAsync(new Progress<double>(), CancellationToken.None);
        return database;
    }

    [Fact]
    public async Task Seed_DefaultDemo_LandsInTypicalDisplayRanges()
    {
        await using var database = await SeedDefaultDemoAsync();
        await using var db = database.Open();

        var total = (await DemoEconomics.MeasureAsync(db, CancellationToken.None))[0];

        // CTR a fraction of a percent to about 2 %; CVR (per click) a few percent; ROAS 2–8 (ROI 100–700 %).
        Assert.InRange(total.Ctr, 0.002, 0.02);
        Assert.InRange(total.Cvr, 0.01, 0.10);
        Assert.InRange(total.Roas, 2, 8);
        // What the shop pays is plausible for EUR.
        Assert.InRange(total.Cpc, 0.30, 1.50);
        // Since decision record 6 the simulated days stop a campaign at its daily budget (today's spend now comes from the
        // ad events; the rollups it came from do not exist while seeding), which raises the demo's CPM to about 11.
        Assert.InRange(total.Cpm, 2, 12);
    }

    [Fact]
    public void Rates_GivenTotals_FollowTheirDefinitions()
    {
        var economics = new DemoEconomics("x", Impressions: 10_000, Clicks: 100, Conversions: 5, Spend: 80, Revenue: 400);

        Assert.Equal(0.01, economics.Ctr, 12);
        Assert.Equal(0.05, economics.Cvr, 12);
        Assert.Equal(5, economics.Roas, 12);
        Assert.Equal(4, economics.Roi, 12);
        Assert.Equal(0.8, economics.Cpc, 12);
        Assert.Equal(8, economics.Cpm, 12);
    }
}
