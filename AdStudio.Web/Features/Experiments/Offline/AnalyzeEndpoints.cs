using AdStudio.Core.Experiments.Offline;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Features.Experiments.Offline;

public static class AnalyzeEndpoints
{
    public static IEndpointRouteBuilder MapOfflineAnalysis(this IEndpointRouteBuilder app)
    {
        // Reads a file, stores nothing: readers may use it. The body limit is the CSV import's.
        app.MapPost("/api/experiments/analyze", AnalyzeAsync)
            .WithTags("Experiments")
            .WithFormLimits(app, l => l.ImportBodyBytes, EndpointLimits.LimitsOf(app).ImportBodyBytes)
            .RequireAuthorization(Policies.Read);
        return app;
    }

    /// <summary>
    /// Analyses a per-unit CSV sent as a <c>text/csv</c> body or as one multipart file. The body is read row by row as it
    /// arrives (nothing spooled, nothing kept but per-variant sums and the unit ids seen).
    /// </summary>
    private static async Task<Results<JsonHttpResult<OfflineResults>, ProblemHttpResult>> AnalyzeAsync(HttpRequest request, CancellationToken ct)
    {
        var (options, error) = AnalyzeQuery.Read(request.Query);
        if (options is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        try
        {
            UnitFileSummary file;
            if (request.HasFormContentType)
            {
                var (form, problem) = await FormBody.ReadAsync(request, ct);
                if (form is null)
                {
                    return problem!;
                }

                if (form.Files.Count != 1)
                {
                    return ApiProblems.BadRequest("Send exactly one CSV file.");
                }

                await using var stream = form.Files[0].OpenReadStream();
                file = await UnitFileReader.ReadAsync(stream, ct);
            }
            else if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
            {
                file = await UnitFileReader.ReadAsync(request.Body, ct);
            }
            else
            {
                return ApiProblems.BadRequest("Send the CSV as multipart/form-data or with Content-Type: text/csv.");
            }

            return TypedResults.Json(OfflineAnalyzer.Analyze(file, options), AnalyzeJsonContext.Default.OfflineResults);
        }
        catch (UnitFileException ex)
        {
            return ApiProblems.BadRequest(ex.Message, "The file cannot be analysed.");
        }
    }
}
