using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdStudio.Core.Experiments;
using AdStudio.Core.Experiments.Results;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Features.Experiments.Api;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Features.Experiments;

public static class ExperimentEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>At most this many arms in one weights update.</summary>
    public const int MaxWeights = 100;

    public static IEndpointRouteBuilder MapExperiments(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments").WithTags("Experiments");
        api.MapPost("/", CreateAsync).RequireAuthorization(Policies.Edit);
        api.MapGet("/{id:int}/results", ResultsAsync).RequireAuthorization(Policies.Read);
        api.MapGet("/{id:int}/results.csv", CsvAsync).RequireAuthorization(Policies.Read);
        api.MapPost("/{id:int}/start", StartAsync).RequireAuthorization(Policies.Edit);
        api.MapPost("/{id:int}/stop", StopAsync).RequireAuthorization(Policies.Edit);
        api.MapPut("/{id:int}/weights", WeightsAsync).RequireAuthorization(Policies.Edit);
        return app;
    }

    private static async Task<Results<JsonHttpResult<ExperimentResults>, ProblemHttpResult>> ResultsAsync(int id, ExperimentResultsService results, CancellationToken ct) =>
        await results.GetAsync(id, ct) is { } r ? TypedResults.Json(r, Json) : ApiProblems.NotFound($"There is no experiment {id}.");

    private static Task<Results<NoContent, ProblemHttpResult>> StartAsync(int id, HttpRequest request, ExperimentLifecycle lifecycle, CancellationToken ct) =>
        ApplyAsync(() => lifecycle.StartAsync(id, Actor.Of(request), ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> StopAsync(int id, HttpRequest request, ExperimentLifecycle lifecycle, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, StatsJsonContext.Default.StopRequest, ct);
        return body is null
            ? ApiProblems.BadRequest(error!)
            : await ApplyAsync(() => lifecycle.StopAsync(id, body.Decision ?? "", body.Rationale ?? "", Actor.Of(request), ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> WeightsAsync(int id, HttpRequest request, ExperimentLifecycle lifecycle, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, StatsJsonContext.Default.WeightsRequest, ct);
        if (body?.Weights is not { Count: > 0 } weights)
        {
            return ApiProblems.BadRequest(error ?? "The body needs \"weights\": {variantId: weight, …}.");
        }

        if (weights.Count > MaxWeights)
        {
            return ApiProblems.BadRequest($"weights holds at most {MaxWeights} arms; this one has {weights.Count}.");
        }

        foreach (var (variant, weight) in weights)
        {
            if (!(weight > 0 && weight <= ExperimentLifecycle.MaxWeight))
            {
                return ApiProblems.BadRequest($"weights.{variant} is {weight}; a weight is more than 0 and at most {ExperimentLifecycle.MaxWeight:N0}.");
            }
        }

        return await ApplyAsync(() => lifecycle.UpdateWeightsAsync(id, weights, Actor.Of(request), ct));
    }

    /// <summary>Creates a draft; a missing or broken field is a 400 validation problem that names it.</summary>
    private static async Task<Results<Created<CreatedExperiment>, ValidationProblem, ProblemHttpResult>> CreateAsync(HttpRequest request, ExperimentLifecycle lifecycle, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, StatsJsonContext.Default.CreateExperimentRequest, ct);
        if (body is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        if (Missing(body) is { } missing)
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { [missing.Field] = [missing.Message] }, missing.Message);
        }

        var arms = body.Arms!.Select(a => new ArmDraft(a!.Name ?? "", a.CreativeId!.Value, a.Weight ?? 1)).ToList();
        var draft = new ExperimentDraft(
            body.CampaignId!.Value, body.Name ?? "", body.Hypothesis, arms, body.Alpha ?? 0.05, body.Sequential ?? true,
            UseCuped: body.UseCuped ?? true, MinimumDetectableEffect: body.MinimumDetectableEffect ?? ExperimentPlanner.DefaultMinimumDetectableEffect,
            PlannedUnitsPerVariant: body.PlannedUnitsPerVariant);
        try
        {
            var experiment = await lifecycle.CreateAsync(draft, Actor.Of(request), ct);
            return TypedResults.Created(
                $"/api/experiments/{experiment.Id}",
                new CreatedExperiment(experiment.Id, experiment.Name, experiment.Status.ToString().ToLowerInvariant(), experiment.MinimumDetectableEffect));
        }
        catch (ExperimentNotFoundException ex)
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["campaignId"] = [ex.Message] }, ex.Message);
        }
        catch (ExperimentRuleException ex)
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { [ex.Field ?? "experiment"] = [ex.Message] }, ex.Message);
        }
    }

    private static (string Field, string Message)? Missing(CreateExperimentRequest body)
    {
        if (body.CampaignId is null)
        {
            return ("campaignId", "campaignId is required: the campaign whose creatives the experiment compares.");
        }

        if (body.Arms is null || body.Arms.Count > MaxWeights)
        {
            return ("arms", $"arms is required: 2 to {MaxWeights} arms of {{name, creativeId, weight}}; the first is the control.");
        }

        if (body.MinimumDetectableEffect is { } mde && !(double.IsFinite(mde) && mde > 0 && mde <= 10))
        {
            return ("minimumDetectableEffect", "minimumDetectableEffect is a relative lift more than 0 and at most 10 (0.1 = 10 %).");
        }

        if (body.PlannedUnitsPerVariant is < 1)
        {
            return ("plannedUnitsPerVariant", "plannedUnitsPerVariant is at least 1; leave it out for no plan.");
        }

        for (var i = 0; i < body.Arms.Count; i++)
        {
            if (body.Arms[i]?.CreativeId is null)
            {
                return ($"arms[{i}].creativeId", $"arms[{i}] needs a creativeId.");
            }
        }

        return null;
    }

    /// <summary>Runs a lifecycle change; a broken rule is a 409 that says which (or a 404 for an unknown experiment).</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ApplyAsync(Func<Task> change)
    {
        try
        {
            await change();
            return TypedResults.NoContent();
        }
        catch (ExperimentNotFoundException ex)
        {
            return ApiProblems.NotFound(ex.Message);
        }
        catch (ExperimentRuleException ex)
        {
            return TypedResults.Problem(detail: ex.Message, title: "The experiment does not allow this now.", statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(int id, ExperimentResultsService results, CancellationToken ct)
    {
        if (await results.GetAsync(id, ct) is not { } r)
        {
            return ApiProblems.NotFound($"There is no experiment {id}.");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(ResultsCsv.Write(r)), "text/csv", $"experiment-{id}-results.csv");
    }
}
