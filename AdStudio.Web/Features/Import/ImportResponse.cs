using AdStudio.Core.Shoppers.Import;

namespace AdStudio.Web.Features.Import;

/// <summary>Answer of <c>POST /api/import/{kind}</c>; <c>errorReportUrl</c> is set when rows were rejected.</summary>
public sealed record ImportResponse(string Kind, long Rows, long Imported, long Unchanged, long Rejected, IReadOnlyList<ImportError> Errors, string? ErrorReportUrl)
{
    public const int ErrorsShown = 100;

    public static ImportResponse From(ImportResult result) => new(
        result.Kind, result.Rows, result.Imported, result.Unchanged, result.Rejected, [.. result.Errors.Take(ErrorsShown)],
        result.ReportId is null ? null : $"/api/import/reports/{result.ReportId}.csv");
}
