using CsvHelper;

namespace AdStudio.Core.Shoppers.Import;

/// <summary>A line of the downloadable error report; the CSV writer is generated at build time.</summary>
[CsvRecord]
public sealed partial record ImportErrorRow(long Row, string Column, string Reason);
