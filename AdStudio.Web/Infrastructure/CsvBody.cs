using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Infrastructure;

/// <summary>The CSV an endpoint was sent: one file of a multipart form, or the body itself with <c>Content-Type: text/csv</c>.</summary>
public static class CsvBody
{
    /// <summary>
    /// Opens the sent CSV. <c>IsRequestBody</c> says the stream is the raw request body, which only async readers may read
    /// (Kestrel forbids synchronous reads); a multipart file is buffered by the form reader and reads either way.
    /// </summary>
    public static async Task<(Stream? Stream, bool IsRequestBody, ProblemHttpResult? Problem)> OpenAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var (form, problem) = await FormBody.ReadAsync(request, ct);
            if (form is null)
            {
                return (null, false, problem);
            }

            return form.Files.Count == 1
                ? (form.Files[0].OpenReadStream(), false, null)
                : (null, false, ApiProblems.BadRequest("Send exactly one CSV file."));
        }

        return request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true
            ? (request.Body, true, null)
            : (null, false, ApiProblems.BadRequest("Send the CSV as multipart/form-data or with Content-Type: text/csv."));
    }
}
