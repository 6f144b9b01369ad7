using AdStudio.Core.Events;
using AdStudio.Core.Serving;
using AdStudio.Core.Simulation;
using AdStudio.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Simulation;

/// <summary>A small demo (400 shoppers, 3 days) seeded once for the seeder's tests that start from a seeded shop.</summary>
public sealed class SeededSmallDemo : SeededDatabase
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    private static readonly byte[] Key = new byte[32];

    /// <summary>The key the seeder signs its decision ids with.</summary>
    public static DecisionTokenCodec Codec => new(Key);

    /// <summary>A seeder for the small demo into <paramref name="database"/>, on <paramref name="clock"/>.</summary>
    public static DemoSeeder Seeder(TestDatabase database, TimeProvider clock)
    {
        var serving = new ServingOptions();
        return new DemoSeeder(
            database.Factory,
            new EventStore(database.Factory),
            new SnapshotBuilder(database.Factory, Options.Create(serving), TestShop.Options()),
            new AdServer(new DecisionEngine(serving.ExplorationRate), Codec),
            Options.Create(new DemoOptions { Shoppers = 400, Days = 3, Seed = 11 }),
            clock);
    }

    protected override Task SeedAsync(TestDatabase database) =>
        Seeder(database, new FixedClock(Now)).RunAsync(new Progress<double>(), CancellationToken.None);
}
