using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdStudio.Core.Experiments.Results;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Features.Experiments;

public static class ExperimentEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IEndpointRouteBuilder MapExperiments(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments").WithTags("Experiments");
        api.MapGet("/{id:int}/results", ResultsAsync);
        api.MapGet("/{id:int}/results.csv", CsvAsync);
        return app;
    }

    private static async Task<Results<JsonHttpResult<ExperimentResults>, ProblemHttpResult>> ResultsAsync(int id, ExperimentResultsService results, CancellationToken ct) =>
        await results.GetAsync(id, ct) is { } r ? TypedResults.Json(r, Json) : ApiProblems.NotFound($"There is no experiment {id}.");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(int id, ExperimentResultsService results, CancellationToken ct)
    {
        if (await results.GetAsync(id, ct) is not { } r)
        {
            return ApiProblems.NotFound($"There is no experiment {id}.");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(ResultsCsv.Write(r)), "text/csv", $"experiment-{id}-results.csv");
    }
}
