using AdStudio.Core.Infrastructure;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Core.Infrastructure;

/// <summary>Each provider's migrations build exactly the current model (run on SQLite and on PostgreSQL).</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Initialize_FreshDatabase_AppliesEveryMigrationOfThisProvider()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();

        var applied = await db.Database.GetAppliedMigrationsAsync();

        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.NotEmpty(applied);
        Assert.Equal(database.Target.IsPostgres, db.Database.IsNpgsql());
    }

    [Fact]
    public async Task Model_AfterTheLatestMigration_HasNoChangesWithoutAMigration()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();

        // A model change without a migration for this provider would leave the schema behind the code.
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Migrations_EachProvider_KeepsItsOwnHistory()
    {
        using var sqlite = new AdStudioDb(DatabaseTarget.Sqlite(Path.GetTempPath()).Options());
        using var postgres = new AdStudioDb(DatabaseTarget.Postgres("Host=localhost;Database=unused").Options());

        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations()));
        Assert.NotEmpty(postgres.Database.GetMigrations());
    }
}
