using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace AdStudio.Tests.Core.Modeling.Registry;

public sealed class ModelRegistryTests : IAsyncLifetime
{
    private static readonly DateTime TrainedAt = new(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc);
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task PromoteAsync_ManyPromotionsOfOneKindAtOnce_LeaveExactlyOneActive()
    {
        var ids = await AddAsync(ModelKind.Ctr, ModelStatus.Active, ModelStatus.Candidate, ModelStatus.Candidate, ModelStatus.Candidate, ModelStatus.Candidate);
        var registry = new ModelRegistry(_db.Factory, _clock);

        var outcomes = await Task.WhenAll(ids.Skip(1).Select(id => Task.Run(async () =>
        {
            try
            {
                await registry.PromoteAsync(id, "tester", CancellationToken.None);
                return "promoted";
            }
            catch (ModelActivationConflictException)
            {
                return "conflict";
            }
        })));

        await using var db = _db.Open();
        var active = await db.ModelVersions.Where(v => v.Kind == ModelKind.Ctr && v.Status == ModelStatus.Active).ToListAsync();
        Assert.Single(active);
        Assert.Contains(active[0].Id, ids.Skip(1));
        Assert.All(outcomes, o => Assert.True(o is "promoted" or "conflict"));
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.EntityType == ModelRegistry.AuditEntity) + outcomes.Count(o => o == "conflict"));
    }

    [Fact]
    public async Task PromoteAsync_OtherKindActive_LeavesItActive()
    {
        var ctr = await AddAsync(ModelKind.Ctr, ModelStatus.Active, ModelStatus.Candidate);
        var cvr = await AddAsync(ModelKind.Cvr, ModelStatus.Active);

        await new ModelRegistry(_db.Factory, _clock).PromoteAsync(ctr[1], "tester", CancellationToken.None);

        await using var db = _db.Open();
        var active = await db.ModelVersions.Where(v => v.Status == ModelStatus.Active).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync();
        Assert.Equal([ctr[1], cvr[0]], active);
    }

    [Fact]
    public async Task RollBackAsync_AfterPromote_ReactivatesThePreviousOneAlone()
    {
        var ids = await AddAsync(ModelKind.Ctr, ModelStatus.Active, ModelStatus.Candidate);
        var registry = new ModelRegistry(_db.Factory, _clock);
        await registry.PromoteAsync(ids[1], "tester", CancellationToken.None);

        var back = await registry.RollBackAsync(ModelKind.Ctr, "tester", CancellationToken.None);

        await using var db = _db.Open();
        Assert.Equal(ids[0], back.Id);
        Assert.Equal([ids[0]], await db.ModelVersions.Where(v => v.Status == ModelStatus.Active).Select(v => v.Id).ToListAsync());
    }

    [Fact]
    public async Task SaveChanges_SecondActiveModelOfAKind_IsRefusedByTheDatabase()
    {
        await AddAsync(ModelKind.Ctr, ModelStatus.Active);

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => AddAsync(ModelKind.Ctr, ModelStatus.Active));

        // SQLITE_CONSTRAINT_UNIQUE, or PostgreSQL's unique_violation.
        Assert.True(
            refused.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation },
            refused.InnerException?.Message);
    }

    [Fact]
    public async Task Migrate_DatabaseWithTwoActiveModelsOfAKind_KeepsTheOneActivatedLast()
    {
        var folder = TempFolder.Create("premigration");
        try
        {
            var factory = new PooledDbContextFactory<AdStudioDb>(
                new DbContextOptionsBuilder<AdStudioDb>().UseSqlite(DataOptions.SqliteConnectionString(folder)).Options);
            await using (var db = factory.CreateDbContext())
            {
                var migrations = db.Database.GetMigrations().ToList();
                var before = migrations[migrations.FindIndex(m => m.EndsWith("_OneActiveModelPerKind", StringComparison.Ordinal)) - 1];
                await db.GetService<IMigrator>().MigrateAsync(before);
                db.ModelVersions.AddRange(
                    Version(ModelKind.Ctr, ModelStatus.Active, activatedAt: TrainedAt.AddDays(2)),
                    Version(ModelKind.Ctr, ModelStatus.Active, activatedAt: TrainedAt.AddDays(1)),
                    Version(ModelKind.Cvr, ModelStatus.Active, activatedAt: TrainedAt));
                await db.SaveChangesAsync();
            }

            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
                var statuses = await db.ModelVersions.OrderBy(v => v.Id).Select(v => v.Status).ToListAsync();
                Assert.Equal([ModelStatus.Active, ModelStatus.Retired, ModelStatus.Active], statuses);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempFolder.Delete(folder);
        }
    }

    private async Task<int[]> AddAsync(ModelKind kind, params ModelStatus[] statuses)
    {
        await using var db = _db.Open();
        var versions = statuses.Select(s => Version(kind, s, s == ModelStatus.Active ? TrainedAt : null)).ToArray();
        db.ModelVersions.AddRange(versions);
        await db.SaveChangesAsync();
        return [.. versions.Select(v => v.Id)];
    }

    private static ModelVersion Version(ModelKind kind, ModelStatus status, DateTime? activatedAt) => new()
    {
        Kind = kind,
        Trainer = "logistic_regression",
        Status = status,
        FileName = $"{kind}-{Guid.NewGuid():N}.zip",
        TrainedAt = TrainedAt,
        ActivatedAt = activatedAt,
    };
}
