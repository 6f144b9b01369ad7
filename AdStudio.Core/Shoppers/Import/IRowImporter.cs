using System.Data.Common;

namespace AdStudio.Core.Shoppers.Import;

/// <summary>One kind of import: which columns a file needs, how a row becomes a typed value, and how a batch of them is stored.</summary>
internal interface IRowImporter<TRow>
    where TRow : class
{
    IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>The row's value, or null when the row was rejected (its problems reported on <paramref name="row"/>).</summary>
    TRow? Read(CsvRow row);

    /// <summary>Stores a batch inside <paramref name="transaction"/> and returns how many rows changed something.</summary>
    Task<long> WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TRow> rows, CancellationToken ct);
}
