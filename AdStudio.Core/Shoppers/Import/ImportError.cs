namespace AdStudio.Core.Shoppers.Import;

/// <summary>A rejected row: its spreadsheet row number (the header is row 1), the column, and why.</summary>
public sealed record ImportError(long Row, string Column, string Reason);
