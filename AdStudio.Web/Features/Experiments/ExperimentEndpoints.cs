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

    /// <summary>At most this many arms in a new experiment.</summary>
    public const int MaxArms = 20;

    /// <summary>The longest arm name.</summary>
    public const int MaxArmName = 64;

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
        await results.GetAsync(id, ct) is { } experimentResults ? TypedResults.Json(experimentResults, Json) : ApiProblems.NotFound($"There is no experiment {id}.");

    private static async Task<Results<Created<CreatedExperiment>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request, ExperimentLifecycle lifecycle, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, StatsJsonContext.Default.CreateExperimentRequest, ct);
        if (body is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var errors = CreateErrors(body);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, "The experiment cannot be created as sent; see errors.");
        }

        var arms = body.Arms!.Select((a, i) => new ArmDraft(
            string.IsNullOrWhiteSpace(a.Name) ? (i == 0 ? "Control" : $"Treatment {i}") : a.Name, a.CreativeId!.Value, a.Weight ?? 1)).ToList();
        var planned = body.PlannedUnitsPerVariant;
        var draft = new ExperimentDraft(
            body.CampaignId!.Value, body.Name ?? "", body.Hypothesis, arms, body.Alpha ?? 0.05, body.Sequential ?? true,
            planned is { } perArm ? (double)perArm * arms.Count : 5000, body.UseCuped ?? true,
            body.MinimumDetectableEffect ?? ExperimentPlanner.DefaultMinimumDetectableEffect, planned, body.PrimaryMetric);
        try
        {
            var created = await lifecycle.CreateAsync(draft, Actor.Of(request), ct);
            return TypedResults.Created(
                $"/api/experiments/{created.Id}/results",
                new CreatedExperiment(created.Id, created.Name, created.Status.ToString().ToLowerInvariant(), created.PrimaryMetric!, created.MinimumDetectableEffect,
                    [.. created.Variants.Select(v => new CreatedArm(v.Id, v.Name, v.CreativeId, v.Weight, v.IsControl))]));
        }
        catch (ExperimentNotFoundException ex)
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["campaignId"] = [ex.Message] }, ex.Message);
        }
        catch (ExperimentRuleException ex)
        {
            // Bad input, not a state conflict: a 400 that names the field the rule is about (an arm's creative for a placement mismatch).
            return ApiProblems.Invalid(new Dictionary<string, string[]> { [ex.Field ?? "experiment"] = [ex.Message] }, ex.Message);
        }
    }

    /// <summary>What the body lacks or gets wrong, by JSON field; the lifecycle checks the rules that need the campaign.</summary>
    private static Dictionary<string, string[]> CreateErrors(CreateExperimentRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.CampaignId is null)
        {
            errors["campaignId"] = ["Give the id of the campaign whose creatives are tested."];
        }

        if (body.PrimaryMetric is { } metric && !MetricKey.IsKnown(metric))
        {
            errors["primaryMetric"] = [$"\"{(metric.Length > 40 ? metric[..40] + "…" : metric)}\" is not a metric; use one of {string.Join(", ", MetricKey.All)} (or leave it out for the campaign objective's default)."];
        }

        if (body.Arms is not { Count: >= 2 and <= MaxArms } arms)
        {
            errors["arms"] = [$"Give between 2 and {MaxArms} arms; the first is the control."];
            return errors;
        }

        for (var i = 0; i < arms.Count; i++)
        {
            if (arms[i] is not { CreativeId: not null } arm)
            {
                errors[$"arms[{i}].creativeId"] = ["Each arm needs the id of one of the campaign's creatives."];
            }
            else if (arm.Name is { Length: > MaxArmName })
            {
                errors[$"arms[{i}].name"] = [$"An arm name has at most {MaxArmName} characters."];
            }
        }

        if (body.MinimumDetectableEffect is { } mde && !(mde > 0 && mde <= 10))
        {
            errors["minimumDetectableEffect"] = ["The minimum detectable effect is a relative lift above 0 and at most 10 (1,000 %)."];
        }

        if (body.PlannedUnitsPerVariant is { } planned && !(planned >= 2 && planned <= AdStudio.Core.Experiments.Stats.StatsLimits.MaxUnitsPerArm))
        {
            errors["plannedUnitsPerVariant"] = [$"Plan between 2 and {AdStudio.Core.Experiments.Stats.StatsLimits.MaxUnitsPerArm:N0} shoppers per arm."];
        }

        return errors;
    }

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
        if (await results.GetAsync(id, ct) is not { } experimentResults)
        {
            return ApiProblems.NotFound($"There is no experiment {id}.");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(ResultsCsv.Write(experimentResults)), "text/csv", $"experiment-{id}-results.csv");
    }
}
