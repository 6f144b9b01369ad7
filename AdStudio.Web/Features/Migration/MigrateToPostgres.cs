using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace AdStudio.Web.Features.Migration;

/// <summary>
/// <c>dotnet AdStudio.Web.dll migrate-to-postgres --Data:Directory=DIR "--ConnectionStrings:Postgres=..." [--replace]</c>:
/// copies a SQLite shop (every table of the EF model, then its model files and creative images into StoredFiles) into a
/// PostgreSQL database in one transaction, and compares row counts. Exit codes: 0 copied and verified, 1 counts differ,
/// 2 bad arguments, 3 the target is not empty (pass <c>--replace</c> to empty it first).
/// </summary>
public static class MigrateToPostgres
{
    public const string CommandName = "migrate-to-postgres";
    private const string Replace = "--replace";
    private static readonly string[] FileFolders = ["models", "creatives"];

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == CommandName;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct = default)
    {
        var settings = args.Skip(1).Where(a => a != Replace).ToArray();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(settings)
            .Build();
        var directory = Path.GetFullPath(configuration[$"{DataOptions.SectionName}:{nameof(DataOptions.Directory)}"] ?? "data");
        var connectionString = configuration.GetConnectionString(StorageOptions.PostgresConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString) || !File.Exists(Path.Combine(directory, DataOptions.DatabaseFileName)))
        {
            await output.WriteLineAsync($"usage: {CommandName} --Data:Directory=DIR \"--ConnectionStrings:Postgres=Host=...;Database=...\" [{Replace}]"
                + $"{Environment.NewLine}needs ConnectionStrings:Postgres and a SQLite database at {Path.Combine(directory, DataOptions.DatabaseFileName)}.");
            return 2;
        }

        var source = DatabaseTarget.Sqlite(directory);
        await using var sourceDb = new AdStudioDb(source.Options());
        await using var targetDb = new AdStudioDb(DatabaseTarget.Postgres(connectionString).Options());
        await sourceDb.Database.MigrateAsync(ct);
        await targetDb.Database.MigrateAsync(ct);

        var tables = TableOrder.Of(targetDb.Model);
        await using var sqlite = new SqliteConnection(source.ConnectionString);
        await sqlite.OpenAsync(ct);
        var postgres = (NpgsqlConnection)targetDb.Database.GetDbConnection();
        await postgres.OpenAsync(ct);

        var filled = new List<string>();
        foreach (var table in tables)
        {
            if (await CountAsync(postgres, table.GetTableName()!, ct) > 0)
            {
                filled.Add(table.GetTableName()!);
            }
        }

        if (filled.Count > 0 && !args.Contains(Replace))
        {
            await output.WriteLineAsync($"The target database is not empty ({string.Join(", ", filled)}); nothing was copied. Pass {Replace} to empty it first.");
            return 3;
        }

        await using (var transaction = await postgres.BeginTransactionAsync(ct))
        {
            if (filled.Count > 0)
            {
                await ExecuteAsync(postgres, $"TRUNCATE {string.Join(", ", tables.Select(t => Quote(t.GetTableName()!)))} RESTART IDENTITY CASCADE", ct);
            }

            foreach (var table in tables)
            {
                var sourceType = sourceDb.Model.FindEntityType(table.Name)!;
                await TableCopy.CopyAsync(sqlite, sourceType, postgres, table, ct);
                await ResetSequencesAsync(postgres, table, ct);
            }

            await CopyFilesAsync(directory, postgres, targetDb.Model.FindEntityType(typeof(StoredFile))!.GetTableName()!, ct);
            await transaction.CommitAsync(ct);
        }

        return await VerifyAsync(sqlite, postgres, tables, directory, output, ct) ? 0 : 1;
    }

    private static async Task CopyFilesAsync(string directory, NpgsqlConnection postgres, string table, CancellationToken ct)
    {
        foreach (var file in DataFiles(directory))
        {
            var content = await File.ReadAllBytesAsync(file, ct);
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO {Quote(table)} (\"Path\", \"Content\", \"Length\", \"StoredAt\") VALUES ($1, $2, $3, $4) ON CONFLICT (\"Path\") DO NOTHING", postgres);
            insert.Parameters.Add(new() { Value = StoredPath(directory, file) });
            insert.Parameters.Add(new() { Value = content });
            insert.Parameters.Add(new() { Value = (long)content.Length });
            insert.Parameters.Add(new() { Value = File.GetLastWriteTimeUtc(file) });
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<bool> VerifyAsync(
        SqliteConnection sqlite, NpgsqlConnection postgres, IReadOnlyList<IEntityType> tables, string directory, TextWriter output, CancellationToken ct)
    {
        var ok = true;
        await output.WriteLineAsync($"{"table",-32} {"sqlite",12} {"postgres",12}");
        foreach (var name in tables.Select(t => t.GetTableName()!))
        {
            var from = await CountAsync(sqlite, name, ct);
            var to = await CountAsync(postgres, name, ct);

            // StoredFiles gains the data folder's files on top of the rows it had.
            var same = name == "StoredFiles" ? to >= from : from == to;
            ok &= same;
            await output.WriteLineAsync($"{name,-32} {from,12} {to,12}{(same ? "" : "  MISMATCH")}");
        }

        var files = DataFiles(directory).ToList();
        var bytes = files.Sum(f => new FileInfo(f).Length);
        await using var stored = new NpgsqlCommand(
            "SELECT count(*), coalesce(sum(\"Length\"), 0) FROM \"StoredFiles\" WHERE \"Path\" LIKE 'models/%' OR \"Path\" LIKE 'creatives/%'", postgres);
        await using var reader = await stored.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (count, length) = (reader.GetInt64(0), reader.GetInt64(1));
        var filesSame = count >= files.Count && length >= bytes;
        ok &= filesSame;
        await output.WriteLineAsync($"{"files (count / bytes)",-32} {files.Count,5}/{bytes,6} {count,5}/{length,6}{(filesSame ? "" : "  MISMATCH")}");
        await output.WriteLineAsync(ok ? "Copied and verified." : "Row counts differ: do not switch to this database.");
        return ok;
    }

    private static IEnumerable<string> DataFiles(string directory) => FileFolders
        .Select(f => Path.Combine(directory, f))
        .Where(Directory.Exists)
        .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
        .Order(StringComparer.Ordinal);

    /// <summary>The StoredFiles key: relative to the data folder, forward slashes (<c>models/ctr-12.zip</c>).</summary>
    public static string StoredPath(string directory, string file) => Path.GetRelativePath(directory, file).Replace('\\', '/');

    private static async Task ResetSequencesAsync(NpgsqlConnection postgres, IEntityType table, CancellationToken ct)
    {
        var name = table.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, table.GetSchema());
        foreach (var key in table.FindPrimaryKey()!.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(int) || p.ClrType == typeof(long))))
        {
            var column = key.GetColumnName(store)!.Replace("'", "''", StringComparison.Ordinal);
            await using var reset = new NpgsqlCommand(
                $"SELECT setval(s, coalesce((SELECT max({Quote(column)}) FROM {Quote(name)}), 0) + 1, false) FROM pg_get_serial_sequence('{Quote(name)}', '{column}') s WHERE s IS NOT NULL",
                postgres);
            await reset.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<long> CountAsync(System.Data.Common.DbConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {Quote(table)}";
        return System.Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
