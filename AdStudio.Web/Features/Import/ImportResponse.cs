using AdStudio.Core.Shoppers.Import;

namespace AdStudio.Web.Features.Import;

/// <summary>
/// Answer of <c>POST /api/import/{kind}</c>; <c>errorReportUrl</c> is set when rows were rejected. <c>suppressed</c> counts
/// rows of erased shoppers dropped, <c>droppedWithoutConsent</c> event rows of shoppers without personalisation.
/// </summary>
public sealed record ImportResponse(
    string Kind, long Rows, long Imported, long Unchanged, long Rejected, IReadOnlyList<ImportError> Errors, string? ErrorReportUrl,
    long Suppressed, long DroppedWithoutConsent)
{
    public const int ErrorsShown = 100;

    public static ImportResponse From(ImportResult result) => new(
        result.Kind, result.Rows, result.Imported, result.Unchanged, result.Rejected, [.. result.Errors.Take(ErrorsShown)],
        result.ReportId is null ? null : $"/api/import/reports/{result.ReportId}.csv", result.Suppressed, result.WithoutConsent);
}
