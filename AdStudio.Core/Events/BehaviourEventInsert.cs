using System.Data.Common;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Events;

/// <summary>
/// One prepared insert of behaviour events that skips an event stored before under its deduplication key: the
/// storefront's event id per shopper (<c>POST /events</c>) or the row's import key (CSV imports).
/// </summary>
internal sealed class BehaviourEventInsert : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly Func<BehaviourEvent, object?> _keyOf;
    private readonly DbParameter _shopper, _type, _category, _product, _query, _amount, _dwell, _at, _key;

    private BehaviourEventInsert(DbConnection connection, DbTransaction transaction, string keyColumn, string conflictTarget, Func<BehaviourEvent, object?> keyOf)
    {
        _command = Sql.Command(connection, transaction, $"""
            INSERT INTO "BehaviourEvents" ("ShopperId", "Type", "Category", "ProductId", "Query", "Amount", "DwellSeconds", "OccurredAt", {keyColumn})
            VALUES (@shopper, @type, @category, @product, @query, @amount, @dwell, @at, @key)
            ON CONFLICT {conflictTarget} DO NOTHING
            """);
        _keyOf = keyOf;
        _shopper = Sql.Parameter(_command, "@shopper");
        _type = Sql.Parameter(_command, "@type");
        _category = Sql.Parameter(_command, "@category");
        _product = Sql.Parameter(_command, "@product");
        _query = Sql.Parameter(_command, "@query");
        _amount = Sql.Parameter(_command, "@amount");
        _dwell = Sql.Parameter(_command, "@dwell");
        _at = Sql.Parameter(_command, "@at");
        _key = Sql.Parameter(_command, "@key");
    }

    /// <summary>Deduplicated by the storefront's event id per shopper; an event without one is always stored.</summary>
    public static BehaviourEventInsert ByEventId(DbConnection connection, DbTransaction transaction) =>
        new(connection, transaction, "\"EventId\"", "(\"ShopperId\", \"EventId\") WHERE \"EventId\" IS NOT NULL", e => e.EventId);

    /// <summary>Deduplicated by the import key, so importing the same file again adds nothing.</summary>
    public static BehaviourEventInsert ByImportKey(DbConnection connection, DbTransaction transaction) =>
        new(connection, transaction, "\"ImportKey\"", "(\"ImportKey\")", e => e.ImportKey);

    /// <summary>1 when the event was stored, 0 when its key was stored before.</summary>
    public Task<int> InsertAsync(BehaviourEvent behaviourEvent, CancellationToken ct)
    {
        _shopper.Value = behaviourEvent.ShopperId;
        _type.Value = (int)behaviourEvent.Type;
        _category.Value = (object?)behaviourEvent.Category ?? DBNull.Value;
        _product.Value = (object?)behaviourEvent.ProductId ?? DBNull.Value;
        _query.Value = (object?)behaviourEvent.Query ?? DBNull.Value;
        _amount.Value = (object?)behaviourEvent.Amount ?? DBNull.Value;
        _dwell.Value = (object?)behaviourEvent.DwellSeconds ?? DBNull.Value;
        _at.Value = behaviourEvent.OccurredAt;
        _key.Value = _keyOf(behaviourEvent) ?? DBNull.Value;
        return _command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
