using CsvHelper;

namespace AdStudio.Core.Shoppers.Import;

/// <summary>
/// The current row of an import, read by column name (the header's names, trimmed and case-insensitive), and the
/// place its problems are reported: a rejection names the spreadsheet row (the header is row 1), the column and why.
/// </summary>
internal sealed class CsvRow(CsvReader reader, IReadOnlyDictionary<string, int> columns, List<ImportError> errors)
{
    /// <summary>The spreadsheet row number of the current row.</summary>
    public long Number { get; private set; }

    /// <summary>Whether a problem was reported for the current row.</summary>
    public bool IsRejected { get; private set; }

    /// <summary>Maps the header's column names to positions; a missing required column refuses the whole file.</summary>
    public static IReadOnlyDictionary<string, int> Columns(IReadOnlyList<string> headers, IReadOnlyList<string> required)
    {
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var position = 0; position < headers.Count; position++)
        {
            positions.TryAdd(headers[position].Trim(), position);
        }

        var missing = required.Where(column => !positions.ContainsKey(column)).ToList();
        return missing.Count > 0
            ? throw new ImportFormatException($"The header is missing column(s): {string.Join(", ", missing)}. Expected at least: {string.Join(", ", required)}.")
            : positions;
    }

    /// <summary>Moves on to the reader's current row.</summary>
    public void Next()
    {
        Number = reader.RowNumber + 1;
        IsRejected = false;
    }

    /// <summary>The column's trimmed text, or null when the column is absent or the cell blank.</summary>
    public string? Text(string column) =>
        columns.TryGetValue(column, out var position) && position < reader.FieldCount
            && reader.GetStringOrNull(position) is { } text && text.Trim() is { Length: > 0 } trimmed
            ? trimmed
            : null;

    /// <summary>Reports a problem with the current row, which is then not imported.</summary>
    public void Reject(string column, string reason)
    {
        errors.Add(new ImportError(Number, column, reason));
        IsRejected = true;
    }
}
