using AdStudio.Core.Events;
using AdStudio.Core.Profiling;
using AdStudio.Core.Shoppers;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Core.Profiling;

public sealed class ProfilingRunTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private static readonly string[] ShopperIds = ["a", "b", "c"];
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var db = _db.Open();
        db.Shoppers.AddRange(
            new Shopper { Id = "a", AllowsPersonalisation = true, AllowsMeasurement = true },
            new Shopper { Id = "b", AllowsPersonalisation = true, AllowsMeasurement = true },
            new Shopper { Id = "c", AllowsPersonalisation = false, AllowsMeasurement = false });
        await db.SaveChangesAsync();
        await new EventStore(_db.Factory).WriteAsync(new EventBatch(
            [.. ShopperIds.Select(shopper => new BehaviourEvent
            {
                ShopperId = shopper, Type = BehaviourEventType.View, Category = "books", ProductId = "p", OccurredAt = Now.AddDays(-1),
            })],
            []), CancellationToken.None);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<int> RunAsync(Func<ProfilingRun, Task<int>> profile)
    {
        await using var db = _db.Open();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        int profiled;
        await using (var writer = new ProfileWriter(connection, transaction))
        {
            var run = new ProfilingRun(connection, transaction, writer, Now, TimeZoneInfo.Utc, ["a", "b"], []);
            profiled = await profile(run);
        }

        await transaction.CommitAsync();
        return profiled;
    }

    [Fact]
    public async Task ProfileOnlyAsync_SomeShoppers_ProfilesThoseOfThemWhoConsent()
    {
        var profiled = await RunAsync(run => run.ProfileOnlyAsync(["a", "c"], new Progress<double>(), CancellationToken.None));

        await using var db = _db.Open();
        Assert.Equal(1, profiled);
        Assert.Equal(["a"], await db.Profiles.Select(p => p.ShopperId).ToListAsync());
    }

    [Fact]
    public async Task ProfileAllAsync_EveryShopperWithEvents_ProfilesTheConsentingOnes()
    {
        var profiled = await RunAsync(run => run.ProfileAllAsync(new Progress<double>(), CancellationToken.None));

        await using var db = _db.Open();
        Assert.Equal(2, profiled);
        Assert.Equal(["a", "b"], await db.Profiles.OrderBy(p => p.ShopperId).Select(p => p.ShopperId).ToListAsync());
    }
}
