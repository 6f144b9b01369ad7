using System.Data.Common;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Events;

/// <summary>
/// The insert of behaviour events that skips an event stored before under its deduplication key: the
/// storefront's event id per shopper (<c>POST /events</c>) or the row's import key (CSV imports).
/// </summary>
internal sealed class BehaviourEventInsert
{
    private static readonly string[] Names = ["@shopper", "@type", "@category", "@product", "@query", "@amount", "@dwell", "@at", "@key"];

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _sql;
    private readonly Func<BehaviourEvent, object?> _keyOf;

    private BehaviourEventInsert(DbConnection connection, DbTransaction transaction, string keyColumn, string conflictTarget, Func<BehaviourEvent, object?> keyOf)
    {
        _connection = connection;
        _transaction = transaction;
        _sql = $"""
            INSERT INTO "BehaviourEvents" ("ShopperId", "Type", "Category", "ProductId", "Query", "Amount", "DwellSeconds", "OccurredAt", {keyColumn})
            VALUES (@shopper, @type, @category, @product, @query, @amount, @dwell, @at, @key)
            ON CONFLICT {conflictTarget} DO NOTHING
            """;
        _keyOf = keyOf;
    }

    /// <summary>Deduplicated by the storefront's event id per shopper; an event without one is always stored.</summary>
    public static BehaviourEventInsert ByEventId(DbConnection connection, DbTransaction transaction) =>
        new(connection, transaction, "\"EventId\"", "(\"ShopperId\", \"EventId\") WHERE \"EventId\" IS NOT NULL", e => e.EventId);

    /// <summary>Deduplicated by the import key, so importing the same file again adds nothing.</summary>
    public static BehaviourEventInsert ByImportKey(DbConnection connection, DbTransaction transaction) =>
        new(connection, transaction, "\"ImportKey\"", "(\"ImportKey\")", e => e.ImportKey);

    /// <summary>Inserts the events and returns how many were stored (an event whose key was stored before is skipped).</summary>
    public async Task<int> InsertAsync(IReadOnlyList<BehaviourEvent> events, CancellationToken ct)
    {
        var affected = await SqlBatch.NonQueryAsync(_connection, _transaction, _sql, Names, events, Bind, ct);
        return (int)affected.Sum();
    }

    private void Bind(BehaviourEvent e, object?[] values)
    {
        values[0] = e.ShopperId;
        values[1] = (int)e.Type;
        values[2] = e.Category;
        values[3] = e.ProductId;
        values[4] = e.Query;
        values[5] = e.Amount;
        values[6] = e.DwellSeconds;
        values[7] = e.OccurredAt;
        values[8] = _keyOf(e);
    }
}
