using AdStudio.Core.Infrastructure;
using Npgsql;

namespace AdStudio.Tests.Support;

/// <summary>
/// The database engine the integration tests run against: SQLite files by default, or the PostgreSQL server named by
/// <c>ADSTUDIO_TEST_POSTGRES</c> when <c>ADSTUDIO_TEST_PROVIDER=Postgres</c> (test.sh starts one with
/// tools/test-postgres.sh and runs the suite again). Each data folder gets a database of its own, named after the folder.
/// </summary>
public static class TestStorage
{
    public static StorageProvider Provider { get; } =
        Environment.GetEnvironmentVariable("ADSTUDIO_TEST_PROVIDER") is { } name && name.Equals(nameof(StorageProvider.Postgres), StringComparison.OrdinalIgnoreCase)
            ? StorageProvider.Postgres
            : StorageProvider.Sqlite;

    public static bool IsPostgres => Provider == StorageProvider.Postgres;

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("ADSTUDIO_TEST_POSTGRES")
        ?? throw new InvalidOperationException("ADSTUDIO_TEST_PROVIDER=Postgres needs ADSTUDIO_TEST_POSTGRES (see tools/test-postgres.sh).");

    /// <summary>The database for the data folder <paramref name="dataDirectory"/>; on PostgreSQL the app's migration creates it.</summary>
    public static DatabaseTarget TargetFor(string dataDirectory) => IsPostgres
        ? DatabaseTarget.Postgres(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = DatabaseName(dataDirectory) }.ToString())
        : DatabaseTarget.Sqlite(dataDirectory);

    /// <summary>The settings that point an app at <paramref name="dataDirectory"/>'s database.</summary>
    public static Dictionary<string, string> SettingsFor(string dataDirectory)
    {
        var settings = new Dictionary<string, string> { ["Data:Directory"] = dataDirectory };
        if (IsPostgres)
        {
            settings["Storage:Provider"] = nameof(StorageProvider.Postgres);
            settings["ConnectionStrings:Postgres"] = TargetFor(dataDirectory).ConnectionString;
        }

        return settings;
    }

    /// <summary>The same settings as command-line arguments, for tests that start AdStudio as its own process.</summary>
    public static IEnumerable<string> ArgumentsFor(string dataDirectory) => SettingsFor(dataDirectory).Select(s => $"--{s.Key}={s.Value}");

    /// <summary>Makes <paramref name="copyDirectory"/>'s database a copy of <paramref name="sourceDirectory"/>'s (PostgreSQL only).</summary>
    public static async Task CopyPostgresAsync(string sourceDirectory, string copyDirectory)
    {
        // A template database must have no sessions: return the source's pooled connections first.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(TargetFor(sourceDirectory).ConnectionString));
        await ExecuteOnServerAsync($"CREATE DATABASE \"{DatabaseName(copyDirectory)}\" TEMPLATE \"{DatabaseName(sourceDirectory)}\"");
    }

    /// <summary>Drops <paramref name="dataDirectory"/>'s PostgreSQL database, if there is one.</summary>
    public static async Task DropAsync(string dataDirectory)
    {
        if (!IsPostgres)
        {
            return;
        }

        NpgsqlConnection.ClearPool(new NpgsqlConnection(TargetFor(dataDirectory).ConnectionString));
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{DatabaseName(dataDirectory)}\" WITH (FORCE)");
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Temporary folders end in a unique suffix; the database takes it (PostgreSQL names are at most 63 bytes).</summary>
    private static string DatabaseName(string dataDirectory)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(dataDirectory)).ToLowerInvariant().Replace('-', '_');
        return $"t_{(name.Length > 60 ? name[^60..] : name)}";
    }
}
