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
            var (csv, isRequestBody, problem) = await CsvBody.OpenAsync(request, ct);
            if (csv is null)
            {
                return problem!;
            }

            UnitFileSummary file;
            try
            {
                file = await UnitFileReader.ReadAsync(csv, ct);
            }
            finally
            {
                // The request body belongs to the server; only a form file's stream is ours to close.
                if (!isRequestBody)
                {
                    await csv.DisposeAsync();
                }
            }

            return TypedResults.Json(OfflineAnalyzer.Analyze(file, options), AnalyzeJsonContext.Default.OfflineResults);
        }
        catch (UnitFileException ex)
        {
            return ApiProblems.BadRequest(ex.Message, "The file cannot be analysed.");
        }
    }
}
