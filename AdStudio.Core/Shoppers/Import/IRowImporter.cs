using System.Data.Common;

namespace AdStudio.Core.Shoppers.Import;

/// <summary>One kind of import: which columns a file needs, how a row becomes a typed value, and how a batch of them is stored.</summary>
internal interface IRowImporter<TRow>
    where TRow : class
{
    IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>Rows dropped so far because their shopper was erased (suppressed) until they consent again.</summary>
    long Suppressed { get; }

    /// <summary>Rows dropped so far because their shopper does not allow the purpose the row needs.</summary>
    long WithoutConsent { get; }

    /// <summary>Refuses a header (<see cref="ImportFormatException"/>) that lacks a choice of columns beyond the required ones.</summary>
    void CheckColumns(IReadOnlyCollection<string> columns);

    /// <summary>The row's value, or null when the row was rejected (its problems reported on <paramref name="row"/>).</summary>
    TRow? Read(CsvRow row);

    /// <summary>Stores a batch inside <paramref name="transaction"/> and returns how many rows changed something.</summary>
    Task<long> WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TRow> rows, CancellationToken ct);
}
