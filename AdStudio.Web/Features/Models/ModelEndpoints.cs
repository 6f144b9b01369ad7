using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Serving;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Features.Serving;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Web.Features.Models;

/// <summary>The model registry API: list versions, see what serves, promote a version, roll back.</summary>
public static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModels(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/models").WithTags("Models");
        api.MapGet("/", ListAsync).RequireAuthorization(Policies.Read);
        api.MapGet("/serving", Serving).RequireAuthorization(Policies.Read);
        api.MapPost("/{id:int}/promote", PromoteAsync).RequireAuthorization(Policies.Edit);
        api.MapPost("/{kind}/rollback", RollBackAsync).RequireAuthorization(Policies.Edit);
        return app;
    }

    /// <summary>Every model version, newest first; log losses are in nats.</summary>
    private static async Task<Ok<ModelDto[]>> ListAsync(IDbContextFactory<AdStudioDb> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = await db.ModelVersions.AsNoTracking().OrderByDescending(v => v.TrainedAt).ThenBy(v => v.Id).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(ModelDto.From).ToArray());
    }

    /// <summary>The models the current serving snapshot scores with, and active versions that could not be loaded.</summary>
    private static Ok<ServingModelsDto> Serving(SnapshotHolder holder, ActiveModelLoader loader)
    {
        var models = holder.Current.Models;
        return TypedResults.Ok(new ServingModelsDto(models.Ctr?.VersionId, models.Cvr?.VersionId, models.Shoppers, [.. loader.Problems.Select(ModelProblemDto.From)]));
    }

    private static async Task<Results<Ok<ModelDto>, ProblemHttpResult>> PromoteAsync(
        int id, HttpRequest request, ModelRegistry registry, SnapshotRefresher refresher, CancellationToken ct)
    {
        try
        {
            var version = await registry.PromoteAsync(id, Actor.Of(request), ct);
            await refresher.RefreshAsync(ct);
            return TypedResults.Ok(ModelDto.From(version));
        }
        catch (KeyNotFoundException ex)
        {
            return ApiProblems.NotFound(ex.Message);
        }
        catch (ModelActivationConflictException ex)
        {
            return ActivationConflict(ex);
        }
    }

    private static async Task<Results<Ok<ModelDto>, ProblemHttpResult>> RollBackAsync(
        string kind, HttpRequest request, ModelRegistry registry, SnapshotRefresher refresher, CancellationToken ct)
    {
        if (!Enum.TryParse<ModelKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(kind, out _))
        {
            return ApiProblems.BadRequest($"'{kind}' is not a model kind; use ctr or cvr.");
        }

        try
        {
            var version = await registry.RollBackAsync(parsed, Actor.Of(request), ct);
            await refresher.RefreshAsync(ct);
            return TypedResults.Ok(ModelDto.From(version));
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(detail: ex.Message, title: "Nothing to roll back to.", statusCode: StatusCodes.Status409Conflict);
        }
        catch (ModelActivationConflictException ex)
        {
            return ActivationConflict(ex);
        }
    }

    private static ProblemHttpResult ActivationConflict(ModelActivationConflictException ex) =>
        TypedResults.Problem(detail: ex.Message, title: "Another model was activated at the same time.", statusCode: StatusCodes.Status409Conflict);
}
