using System.Diagnostics;
using AdStudio.Core.Events;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AdStudio.Bench;

/// <summary>
/// The ingest benchmark's baseline: the same behaviour events written straight into a fresh database of the same
/// schema by one connection, in transactions of a given number of rows: as multi-row <c>INSERT</c>s, as one prepared
/// single-row <c>INSERT</c> per row (SQLite's classic bulk load) or as Npgsql's binary <c>COPY</c> (PostgreSQL).
/// No validation, no queue, no deduplication clause.
/// </summary>
internal static class RawEventInsert
{
    /// <summary>Rows per multi-row statement: SQLite looks parameters up by name linearly, so much larger statements get slower.</summary>
    private const int MaxRowsPerStatement = 100;

    private static readonly string[] Columns = ["ShopperId", "Type", "Category", "ProductId", "Query", "Amount", "DwellSeconds", "OccurredAt", "EventId"];

    /// <summary>Seconds taken to write <paramref name="events"/> in transactions of <paramref name="rowsPerTransaction"/> rows.</summary>
    public static async Task<double> MeasureAsync(BenchDatabase database, IReadOnlyList<BehaviourEvent> events, int rowsPerTransaction, RawMethod method)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        // Opened through EF so SQLite gets the app's synchronous level, as the writer's connections do.
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var insert = new MultiRowInsert(
            connection, null, "BehaviourEvents", Columns, method == RawMethod.SingleRowInsert ? 1 : Math.Min(rowsPerTransaction, MaxRowsPerStatement));
        var started = Stopwatch.GetTimestamp();
        for (var offset = 0; offset < events.Count; offset += rowsPerTransaction)
        {
            var group = events.Skip(offset).Take(rowsPerTransaction);
            await using var transaction = await connection.BeginTransactionAsync();
            if (method == RawMethod.Copy)
            {
                await CopyAsync((NpgsqlConnection)connection, group);
            }
            else
            {
                insert.UseTransaction(transaction);
                foreach (var e in group)
                {
                    await insert.AddAsync(e.ShopperId, (int)e.Type, e.Category, e.ProductId, e.Query, e.Amount, e.DwellSeconds, e.OccurredAt, e.EventId);
                }

                await insert.FlushAsync();
            }

            await transaction.CommitAsync();
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<BehaviourEvent> events)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"BehaviourEvents\" ({string.Join(",", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        foreach (var e in events)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync(e.ShopperId, NpgsqlDbType.Varchar);
            await importer.WriteAsync((int)e.Type, NpgsqlDbType.Integer);
            await WriteAsync(importer, e.Category, NpgsqlDbType.Varchar);
            await WriteAsync(importer, e.ProductId, NpgsqlDbType.Varchar);
            await WriteAsync(importer, e.Query, NpgsqlDbType.Varchar);
            await WriteAsync(importer, e.Amount, NpgsqlDbType.Double);
            await WriteAsync(importer, e.DwellSeconds, NpgsqlDbType.Double);
            await importer.WriteAsync(e.OccurredAt, NpgsqlDbType.TimestampTz);
            await WriteAsync(importer, e.EventId, NpgsqlDbType.Varchar);
        }

        await importer.CompleteAsync();
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type) =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, type);

    private static Task WriteAsync(NpgsqlBinaryImporter importer, double? value, NpgsqlDbType type) =>
        value is { } number ? importer.WriteAsync(number, type) : importer.WriteNullAsync();
}
