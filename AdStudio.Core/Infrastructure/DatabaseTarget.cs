using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Infrastructure;

/// <summary>
/// The database AdStudio talks to: its engine and connection string. The one place that turns a provider into EF Core
/// options, so the app, the design-time tools, the tests and the benchmarks configure it the same way.
/// </summary>
public sealed record DatabaseTarget(StorageProvider Provider, string ConnectionString)
{
    /// <summary>PostgreSQL's migrations live in their own assembly: each provider keeps its own schema history.</summary>
    public const string PostgresMigrationsAssembly = "AdStudio.Migrations.Postgres";

    public bool IsPostgres => Provider == StorageProvider.Postgres;

    public static DatabaseTarget Sqlite(string dataDirectory) => new(StorageProvider.Sqlite, DataOptions.SqliteConnectionString(dataDirectory));

    public static DatabaseTarget Postgres(string connectionString) => new(StorageProvider.Postgres, connectionString);

    /// <summary>Points <paramref name="options"/> at this database.</summary>
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) => Provider switch
    {
        StorageProvider.Postgres => options.UseNpgsql(ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
        _ => options.UseSqlite(ConnectionString),
    };

    /// <summary>Options for a context outside dependency injection (tools, tests, benchmarks).</summary>
    public DbContextOptions<AdStudioDb> Options() =>
        (DbContextOptions<AdStudioDb>)Configure(new DbContextOptionsBuilder<AdStudioDb>()).Options;
}
