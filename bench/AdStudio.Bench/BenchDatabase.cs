using AdStudio.Core.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AdStudio.Bench;

/// <summary>
/// A fresh, migrated database for one measurement: a SQLite file in a temporary folder, or a database of its own
/// (named <c>bench_…</c>) on the PostgreSQL server of <c>ADSTUDIO_BENCH_POSTGRES</c>. The folder is deleted and the
/// PostgreSQL database dropped on disposal.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    /// <summary>The environment variable naming the PostgreSQL server (an Npgsql connection string; its database is only used to create and drop others).</summary>
    public const string ServerVariable = "ADSTUDIO_BENCH_POSTGRES";

    /// <summary>The throwaway server <c>tools/test-postgres.sh start</c> runs.</summary>
    public const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    private BenchDatabase(string folder, DatabaseTarget target, IDbContextFactory<AdStudioDb> factory, string? postgresName)
    {
        Folder = folder;
        Target = target;
        Factory = factory;
        PostgresName = postgresName;
    }

    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : DefaultServer;

    /// <summary>The temporary data folder (model files; the SQLite file when the provider is SQLite).</summary>
    public string Folder { get; }

    public DatabaseTarget Target { get; }

    public IDbContextFactory<AdStudioDb> Factory { get; }

    private string? PostgresName { get; }

    /// <summary>The server's host and port, for reports (never the credentials).</summary>
    public static string ServerDescription()
    {
        var builder = new NpgsqlConnectionStringBuilder(Server);
        return $"{builder.Host}:{builder.Port}";
    }

    /// <summary>A new temporary folder and, on PostgreSQL, the connection string of a new database name (created by the migration).</summary>
    public static (string Folder, DatabaseTarget Target, string? PostgresName) Allocate(
        StorageProvider provider, string purpose, Action<NpgsqlConnectionStringBuilder>? tune = null)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        var folder = Path.Combine(Path.GetTempPath(), $"adstudio-{purpose}-bench-{unique}");
        Directory.CreateDirectory(folder);
        if (provider != StorageProvider.Postgres)
        {
            return (folder, DatabaseTarget.Sqlite(folder), null);
        }

        var name = $"bench_{purpose.Replace('-', '_')}_{unique}";
        var connection = new NpgsqlConnectionStringBuilder(Server) { Database = name };
        tune?.Invoke(connection);
        return (folder, DatabaseTarget.Postgres(connection.ToString()), name);
    }

    /// <summary>Creates and migrates the database; SQLite connections get the app's default <c>synchronous</c> level, as in the app.</summary>
    public static Task<BenchDatabase> CreateAsync(StorageProvider provider, string purpose, params IInterceptor[] interceptors) =>
        CreateAsync(provider, purpose, null, interceptors);

    /// <summary>As <see cref="CreateAsync(StorageProvider, string, IInterceptor[])"/>, with <paramref name="tune"/> applied to a PostgreSQL connection string.</summary>
    public static async Task<BenchDatabase> CreateAsync(
        StorageProvider provider, string purpose, Action<NpgsqlConnectionStringBuilder>? tune, params IInterceptor[] interceptors)
    {
        var (folder, target, name) = Allocate(provider, purpose, tune);
        var builder = new DbContextOptionsBuilder<AdStudioDb>();
        target.Configure(builder);
        builder.AddInterceptors([new SqliteConnectionSetup(new DataOptions().Synchronous, NullLogger<SqliteConnectionSetup>.Instance), .. interceptors]);
        var factory = new PooledDbContextFactory<AdStudioDb>(builder.Options);
        var database = new BenchDatabase(folder, target, factory, name);
        try
        {
            await new DatabaseInitializer(factory).InitializeAsync(CancellationToken.None);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }

        return database;
    }

    /// <summary>Drops a PostgreSQL database made by <see cref="Allocate"/> (a no-op for SQLite) and deletes the folder.</summary>
    public static async Task ReleaseAsync(string folder, string? postgresName)
    {
        SqliteConnection.ClearAllPools();
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public ValueTask DisposeAsync() => new(ReleaseAsync(Folder, PostgresName));
}
