using System.Data.Common;
using System.Text;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Bench;

/// <summary>
/// Buffers rows and writes them as multi-row <c>INSERT … VALUES (…), (…)</c> statements (portable between SQLite and
/// PostgreSQL): the raw batched insert the ingest benchmark measures against, and a fast way to fill benchmark databases.
/// </summary>
internal sealed class MultiRowInsert(DbConnection connection, DbTransaction? transaction, string table, string[] columns, int rowsPerStatement = 100)
    : IAsyncDisposable
{
    private readonly List<object?[]> _rows = new(rowsPerStatement);
    private readonly Dictionary<int, DbCommand> _commands = [];

    private DbTransaction? _transaction = transaction;

    public string[] Columns => columns;

    /// <summary>Writes the following statements in <paramref name="next"/> (the prepared statements are kept).</summary>
    public void UseTransaction(DbTransaction next)
    {
        _transaction = next;
        foreach (var command in _commands.Values)
        {
            command.Transaction = next;
        }
    }

    /// <summary>Adds one row (values in <see cref="Columns"/> order; null is SQL NULL); writes a full statement when one is ready.</summary>
    public async Task AddAsync(params object?[] row)
    {
        _rows.Add(row);
        if (_rows.Count == rowsPerStatement)
        {
            await FlushAsync();
        }
    }

    /// <summary>Writes the buffered rows.</summary>
    public async Task FlushAsync()
    {
        if (_rows.Count == 0)
        {
            return;
        }

        var command = CommandFor(_rows.Count);
        for (var r = 0; r < _rows.Count; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                command.Parameters[(r * columns.Length) + c].Value = _rows[r][c] ?? DBNull.Value;
            }
        }

        await command.ExecuteNonQueryAsync();
        _rows.Clear();
    }

    private DbCommand CommandFor(int rows)
    {
        if (_commands.TryGetValue(rows, out var command))
        {
            return command;
        }

        var text = new StringBuilder($"INSERT INTO \"{table}\" ({string.Join(",", columns.Select(c => $"\"{c}\""))}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ",(").AppendJoin(",", columns.Select((_, c) => $"@p{(r * columns.Length) + c}")).Append(')');
        }

        command = Sql.Command(connection, _transaction, text.ToString());
        for (var p = 0; p < rows * columns.Length; p++)
        {
            Sql.Parameter(command, $"@p{p}");
        }

        return _commands[rows] = command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
    }
}
