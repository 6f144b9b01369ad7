using AdStudio.Core.Infrastructure;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StorageFaults = AdStudio.Core.Infrastructure.StorageFaults;

namespace AdStudio.Tests.Core.Infrastructure;

// PostgresOnly: classifies the errors a real PostgreSQL server raises (SQLite's are covered by the storage fault tests).
[Trait("Storage", "PostgresOnly")]
public sealed class StorageFaultsPostgresTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Classify_InsertInAReadOnlyTransaction_IsReadOnly()
    {
        await using var db = _db.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY");

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlRawAsync("""INSERT INTO "Settings" ("Key", "Value") VALUES ('k', 'v')"""));

        Assert.Equal(StorageFaultKind.ReadOnly, StorageFaults.Classify(error));
    }

    [Fact]
    public async Task Classify_LockHeldLongerThanTheLockTimeout_IsLocked()
    {
        await using var holder = _db.Open();
        await using var held = await holder.Database.BeginTransactionAsync();
        await holder.Database.ExecuteSqlRawAsync("""LOCK TABLE "Settings" IN ACCESS EXCLUSIVE MODE""");
        await using var waiter = _db.Open();
        await using var waiting = await waiter.Database.BeginTransactionAsync();
        await waiter.Database.ExecuteSqlRawAsync(SqlDialect.Postgres.LockTimeout(1)!);

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            waiter.Database.ExecuteSqlRawAsync("""INSERT INTO "Settings" ("Key", "Value") VALUES ('k', 'v')"""));

        Assert.Equal(StorageFaultKind.Locked, StorageFaults.Classify(error));
    }

    [Fact]
    public async Task Classify_ServerNotListening_IsUnreachable()
    {
        // Port 1 on loopback refuses the connection.
        var target = new NpgsqlConnectionStringBuilder(_db.Target.ConnectionString) { Port = 1, Timeout = 2 };
        await using var connection = new NpgsqlConnection(target.ToString());

        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.OpenAsync());

        Assert.Equal(StorageFaultKind.Unreachable, StorageFaults.Classify(error));
    }

    [Fact]
    public async Task Classify_UniqueViolation_IsNotAStorageFault()
    {
        await using var db = _db.Open();
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Settings" ("Key", "Value") VALUES ('k', 'v')""");

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlRawAsync("""INSERT INTO "Settings" ("Key", "Value") VALUES ('k', 'v')"""));

        Assert.Equal(StorageFaultKind.None, StorageFaults.Classify(error));
    }
}
