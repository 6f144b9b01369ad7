using System.Data.Common;
using System.Globalization;

namespace AdStudio.Core.Infrastructure;

/// <summary>
/// Runs one parameterised statement per row. Where the provider batches (Npgsql), rows go as a <see cref="DbBatch"/>
/// of up to <see cref="ChunkSize"/> statements per round trip: on PostgreSQL a round trip per row was most of the cost
/// of ingest. Elsewhere (SQLite, in-process, no batching) one reused command runs per row.
/// </summary>
public static class SqlBatch
{
    /// <summary>Statements per round trip: large enough to amortise it, small enough to keep one message modest.</summary>
    public const int ChunkSize = 500;

    /// <summary>Rows affected per row (0 where <c>ON CONFLICT … DO NOTHING</c> skipped it).</summary>
    public static Task<long[]> NonQueryAsync<T>(
        DbConnection connection, DbTransaction transaction, string sql, string[] names, IReadOnlyList<T> rows,
        Action<T, object?[]> bind, CancellationToken ct) =>
        RunAsync(connection, transaction, sql, names, rows, bind, scalar: false, ct);

    /// <summary>The first value each row's statement returned (its <c>RETURNING</c> id), 0 where it returned no row.</summary>
    public static Task<long[]> ScalarAsync<T>(
        DbConnection connection, DbTransaction transaction, string sql, string[] names, IReadOnlyList<T> rows,
        Action<T, object?[]> bind, CancellationToken ct) =>
        RunAsync(connection, transaction, sql, names, rows, bind, scalar: true, ct);

    private static async Task<long[]> RunAsync<T>(
        DbConnection connection, DbTransaction transaction, string sql, string[] names, IReadOnlyList<T> rows,
        Action<T, object?[]> bind, bool scalar, CancellationToken ct)
    {
        var results = new long[rows.Count];
        var values = new object?[names.Length];
        if (!connection.CanCreateBatch)
        {
            await using var command = Sql.Command(connection, transaction, sql);
            var parameters = Array.ConvertAll(names, name => Sql.Parameter(command, name));
            for (var i = 0; i < rows.Count; i++)
            {
                bind(rows[i], values);
                for (var p = 0; p < names.Length; p++)
                {
                    parameters[p].Value = values[p] ?? DBNull.Value;
                }

                results[i] = scalar ? ToLong(await command.ExecuteScalarAsync(ct)) : await command.ExecuteNonQueryAsync(ct);
            }

            return results;
        }

        for (var start = 0; start < rows.Count; start += ChunkSize)
        {
            var end = Math.Min(start + ChunkSize, rows.Count);
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            for (var i = start; i < end; i++)
            {
                bind(rows[i], values);
                batch.BatchCommands.Add(BatchCommand(batch, sql, names, values));
            }

            // Npgsql keeps prepared statements per connection, so after the first chunk this costs no round trip and
            // spares the server parsing the same statement per row.
            await batch.PrepareAsync(ct);
            if (scalar)
            {
                await using var reader = await batch.ExecuteReaderAsync(ct);
                for (var i = start; i < end; i++)
                {
                    // Each INSERT … RETURNING has its own result set, empty when the conflict clause skipped the row.
                    if (i > start && !await reader.NextResultAsync(ct))
                    {
                        throw new InvalidOperationException($"The batch returned {i - start} result sets for {end - start} statements.");
                    }

                    results[i] = await reader.ReadAsync(ct) ? ToLong(reader.GetValue(0)) : 0;
                }
            }
            else
            {
                await batch.ExecuteNonQueryAsync(ct);
                for (var i = start; i < end; i++)
                {
                    results[i] = batch.BatchCommands[i - start].RecordsAffected;
                }
            }
        }

        return results;
    }

    private static DbBatchCommand BatchCommand(DbBatch batch, string sql, string[] names, object?[] values)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = sql;
        for (var p = 0; p < names.Length; p++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = names[p];
            parameter.Value = values[p] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static long ToLong(object? value) => value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
