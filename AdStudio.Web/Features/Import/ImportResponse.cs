using AdStudio.Core.Shoppers.Import;

namespace AdStudio.Web.Features.Import;

/// <summary>Answer of <c>POST /api/import/{kind}</c>; <c>errorReportUrl</c> is set when rows were rejected.</summary>
public sealed record ImportResponse(string Kind, long Rows, long Imported, long Unchanged, long Rejected, IReadOnlyList<ImportError> Errors, string? ErrorReportUrl)
{
    public const int ErrorsShown = 100;

    public static ImportResponse From(ImportResult r) => new(
        r.Kind, r.Rows, r.Imported, r.Unchanged, r.Rejected, [.. r.Errors.Take(ErrorsShown)],
        r.ReportId is null ? null : $"/api/import/reports/{r.ReportId}.csv");
}
