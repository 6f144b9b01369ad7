using AdStudio.Core.Campaigns;
using AdStudio.Core.Infrastructure;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Web.Features.Campaigns;

public static class CampaignEndpoints
{
    public static IEndpointRouteBuilder MapCampaigns(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns").WithTags("Campaigns");
        api.MapGet("/", ListAsync).RequireAuthorization(Policies.Read);
        api.MapGet("/{id:int}", GetAsync).RequireAuthorization(Policies.Read);
        api.MapPost("/", CreateAsync).RequireAuthorization(Policies.Edit);
        api.MapPut("/{id:int}", UpdateAsync).RequireAuthorization(Policies.Edit);
        api.MapPost("/{id:int}/activate", (int id, HttpRequest r, CampaignService s, CancellationToken ct) => MoveAsync(() => s.ActivateAsync(id, Actor.Of(r), ct))).RequireAuthorization(Policies.Edit);
        api.MapPost("/{id:int}/pause", (int id, HttpRequest r, CampaignService s, CancellationToken ct) => MoveAsync(() => s.PauseAsync(id, Actor.Of(r), ct))).RequireAuthorization(Policies.Edit);
        api.MapPost("/{id:int}/resume", (int id, HttpRequest r, CampaignService s, CancellationToken ct) => MoveAsync(() => s.ActivateAsync(id, Actor.Of(r), ct))).RequireAuthorization(Policies.Edit);
        api.MapPost("/{id:int}/end", (int id, HttpRequest r, CampaignService s, CancellationToken ct) => MoveAsync(() => s.EndAsync(id, Actor.Of(r), ct))).RequireAuthorization(Policies.Edit);
        api.MapPost("/{id:int}/duplicate", DuplicateAsync).RequireAuthorization(Policies.Edit);
        api.MapGet("/{id:int}/history", async (int id, CampaignService s, CancellationToken ct) =>
            TypedResults.Ok((await s.HistoryAsync(id, ct)).Select(AuditEntryDto.From).ToArray()));
        return app;
    }

    private static async Task<Ok<CampaignDto[]>> ListAsync(IDbContextFactory<AdStudioDb> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Creatives).Include(c => c.Targets).AsSplitQuery().OrderBy(c => c.Name).ToListAsync(ct);
        return TypedResults.Ok(campaigns.Select(CampaignDto.From).ToArray());
    }

    private static async Task<Results<Ok<CampaignDto>, ProblemHttpResult>> GetAsync(int id, IDbContextFactory<AdStudioDb> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Campaigns.AsNoTracking().Include(c => c.Creatives).Include(c => c.Targets).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct) is { } campaign
            ? TypedResults.Ok(CampaignDto.From(campaign))
            : ApiProblems.NotFound($"There is no campaign {id}.");
    }

    private static async Task<Results<Created<CampaignDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(HttpRequest request, CampaignService campaigns, CancellationToken ct)
    {
        var (draft, error) = await ReadAsync(request, ct);
        if (draft is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        return await RunAsync<Created<CampaignDto>>(async () =>
        {
            var created = await campaigns.CreateAsync(draft, Actor.Of(request), ct);
            return TypedResults.Created($"/api/campaigns/{created.Id}", CampaignDto.From(created));
        });
    }

    private static async Task<Results<Ok<CampaignDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(int id, HttpRequest request, CampaignService campaigns, CancellationToken ct)
    {
        var (draft, error) = await ReadAsync(request, ct);
        if (draft is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        return await RunAsync<Ok<CampaignDto>>(async () => TypedResults.Ok(CampaignDto.From(await campaigns.UpdateAsync(id, draft, Actor.Of(request), ct))));
    }

    private static Task<Results<Created<CampaignDto>, ValidationProblem, ProblemHttpResult>> DuplicateAsync(int id, HttpRequest request, CampaignService campaigns, CancellationToken ct) =>
        RunAsync<Created<CampaignDto>>(async () =>
        {
            var copy = await campaigns.DuplicateAsync(id, Actor.Of(request), ct);
            return TypedResults.Created($"/api/campaigns/{copy.Id}", CampaignDto.From(copy));
        });

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> MoveAsync(Func<Task> move) =>
        RunAsync<NoContent>(async () =>
        {
            await move();
            return TypedResults.NoContent();
        });

    private static async Task<(CampaignDraft? Draft, string? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var (draft, error) = await JsonBody.ReadAsync(request, CampaignsJsonContext.Default.CampaignDraft, ct);
        if (draft is not null && (draft.Placements is null || draft.CreativeIds is null || draft.IncludeSegments is null || draft.ExcludeSegments is null))
        {
            return (null, "placements, creativeIds, includeSegments and excludeSegments are required arrays (they may be empty).");
        }

        return (draft, error);
    }

    private static async Task<Results<T, ValidationProblem, ProblemHttpResult>> RunAsync<T>(Func<Task<T>> action)
        where T : IResult
    {
        try
        {
            return await action();
        }
        catch (CampaignRuleException ex)
        {
            return ApiProblems.Fields(ex.Findings.Select(f => (f.Field, f.Message)), ex.Message, "campaign");
        }
        catch (KeyNotFoundException ex)
        {
            return ApiProblems.NotFound(ex.Message);
        }
    }
}
