namespace AdStudio.Core.Shoppers.Import;

/// <summary>
/// The outcome of an import. <see cref="Errors"/> keeps the first <see cref="ImportLimits.MaxReportedErrors"/>
/// problems; <see cref="Rejected"/> counts them all.
/// </summary>
public sealed record ImportResult(string Kind, long Rows, long Imported, long Unchanged, long Rejected, IReadOnlyList<ImportError> Errors, string? ReportId);
