using AdStudio.Core.Experiments.Stats;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Features.Experiments.Api;

public static class StatsEndpoints
{
    public static IEndpointRouteBuilder MapStats(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/stats/compare", CompareAsync).WithTags("Experiments").RequireAuthorization(Policies.Read);
        return app;
    }

    /// <summary>Significance of any two arms' summaries, as the results page computes it.</summary>
    private static async Task<Results<Ok<ComparisonResult>, ValidationProblem, ProblemHttpResult>> CompareAsync(HttpRequest request, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, StatsJsonContext.Default.CompareRequest, ct);
        if (body is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var errors = new Dictionary<string, string[]>();
        if (CompareRequestReader.Read(body, errors) is not { } input)
        {
            return ApiProblems.Invalid(errors, $"{errors.Count} field(s) are not valid.");
        }

        try
        {
            return TypedResults.Ok(Comparison.Compare(input.Control, input.Treatment, input.Options));
        }
        catch (StatsInputException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }
    }
}
