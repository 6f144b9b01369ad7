using AdStudio.Core.Events;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using AdStudio.Core.Simulation;
using AdStudio.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Modeling;

/// <summary>The demo's history for 3,000 shoppers over 30 days, seeded once for the modeling tests (enough clicks for click models).</summary>
public sealed class SeededDemoHistory : SeededDatabase
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public const int Shoppers = 3000;

    public const int Days = 30;

    public const int Seed = 42;

    /// <summary>Seeds <paramref name="database"/> with the demo the way the modeling tests need it.</summary>
    public static Task SeedDemoAsync(TestDatabase database, DemoOptions demo, ServingOptions serving, ShopOptions shop, TimeProvider clock) =>
        new DemoSeeder(database.Factory, new EventStore(database.Factory), new SnapshotBuilder(database.Factory, Options.Create(serving), Options.Create(shop)),
            new AdServer(new DecisionEngine(0.05), new DecisionTokenCodec(new byte[32])), Options.Create(demo), clock).RunAsync(new Progress<double>(), CancellationToken.None);

    protected override Task SeedAsync(TestDatabase database) =>
        SeedDemoAsync(database, new DemoOptions { Shoppers = Shoppers, Days = Days, Seed = Seed }, new ServingOptions(),
            TestShop.With("sidebar", "leaderboard", "mobile"), new FixedClock(Now));
}
