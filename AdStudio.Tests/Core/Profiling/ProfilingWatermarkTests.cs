using AdStudio.Core.Events;
using AdStudio.Core.Profiling;
using AdStudio.Core.Segments;
using AdStudio.Core.Serving;
using AdStudio.Core.Shoppers;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Core.Profiling;

// PostgresOnly: SQLite lets one writer in at a time, so an event id allocated earlier can never commit after a higher one there.
[Trait("Storage", "PostgresOnly")]
public sealed class ProfilingWatermarkTests : IAsyncLifetime
{
    private const string WaitingForBehaviourEventsLock =
        """
        SELECT count(*)::int AS "Value" FROM pg_locks
        WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND relation = '"BehaviourEvents"'::regclass
        """;

    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private AudienceIndex _index = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var db = _db.Open();
        db.Shoppers.AddRange(
            new Shopper { Id = "early", AllowsPersonalisation = true, AllowsMeasurement = true },
            new Shopper { Id = "late", AllowsPersonalisation = true, AllowsMeasurement = true });
        await db.SaveChangesAsync();
        _index = new AudienceIndex(new AudienceLoader(_db.Factory), _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Run_InsertCommittingLateWithALowerId_ProfilesItsShopper()
    {
        // Arrange: a full run sets the watermark; then "late" gets the lower id but commits after "early" with the higher one.
        await WriteAsync("early");
        await Step().RunAsync(new Progress<double>(), CancellationToken.None);
        await using var late = _db.Open();
        await using var lateTransaction = await late.Database.BeginTransactionAsync();
        late.BehaviourEvents.Add(View("late"));
        await late.SaveChangesAsync();
        await WriteAsync("early");

        // Act: an incremental run while the lower id is still in flight, the late commit, and another run.
        var during = Step().RunAsync(new Progress<double>(), CancellationToken.None);
        await Poll.UntilAsync(
            async () => during.IsCompleted || await WaitersAsync() > 0, waiting => waiting, TimeSpan.FromSeconds(30),
            "the run waits for the open insert or finishes");
        await lateTransaction.CommitAsync();
        await during;
        await Step().RunAsync(new Progress<double>(), CancellationToken.None);

        // Assert
        await using var db = _db.Open();
        Assert.True(await db.Profiles.AnyAsync(p => p.ShopperId == "late"), "the late-committed event's shopper was skipped");
    }

    private async Task<int> WaitersAsync()
    {
        await using var db = _db.Open();
        return await db.Database.SqlQueryRaw<int>(WaitingForBehaviourEventsLock).SingleAsync();
    }

    private ProfilingStep Step() => new(
        _db.Factory, new AudienceLoader(_db.Factory), _index, new SegmentMaterializer(_db.Factory), new ClusterMembership(_db.Factory),
        TestShop.Options(), _clock);

    private BehaviourEvent View(string shopper) =>
        new() { ShopperId = shopper, Type = BehaviourEventType.View, Category = "books", ProductId = "p", OccurredAt = _clock.Now.UtcDateTime.AddHours(-1) };

    private async Task WriteAsync(string shopper) =>
        await new EventStore(_db.Factory).WriteAsync(new EventBatch([View(shopper)], []), CancellationToken.None);
}
