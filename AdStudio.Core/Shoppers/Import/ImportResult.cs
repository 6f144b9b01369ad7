namespace AdStudio.Core.Shoppers.Import;

/// <summary>
/// The outcome of an import. <see cref="Errors"/> keeps the first <see cref="ImportLimits.MaxReportedErrors"/>
/// problems; <see cref="Rejected"/> counts them all. <see cref="Suppressed"/> counts rows of erased shoppers dropped until
/// they consent again; <see cref="WithoutConsent"/> counts event rows dropped because their shopper does not allow
/// personalisation.
/// </summary>
public sealed record ImportResult(
    string Kind, long Rows, long Imported, long Unchanged, long Rejected, IReadOnlyList<ImportError> Errors, string? ReportId,
    long Suppressed = 0, long WithoutConsent = 0);
