using System.Security.Claims;
using AdStudio.Core.Pipeline;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Pipeline;

public static class PipelineEndpoints
{
    private const int MaxListed = 500;

    public static IEndpointRouteBuilder MapPipeline(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pipeline").WithTags("Pipeline");
        api.MapPost("/{step}", StartAsync).RequireAuthorization(Policies.Edit);
        api.MapGet("/runs", ListAsync).RequireAuthorization(Policies.Read);
        api.MapGet("/runs/{id:int}", GetAsync).RequireAuthorization(Policies.Read);
        return app;
    }

    private static async Task<Results<Accepted<PipelineStarted>, ProblemHttpResult>> StartAsync(
        string step, ClaimsPrincipal user, PipelineLauncher launcher, CancellationToken ct)
    {
        if (!launcher.IsKnownStep(step))
        {
            return ApiProblems.BadRequest($"Unknown pipeline step '{step}'. Known steps: {string.Join(", ", launcher.Steps)}.", "Unknown pipeline step.");
        }

        if (!StepAccess.MayStart(user, step))
        {
            return TypedResults.Problem(
                title: "Forbidden.", detail: $"Only an admin may start the '{step}' step: it deletes or copies data.", statusCode: StatusCodes.Status403Forbidden);
        }

        var (run, _) = await launcher.LaunchAsync(step, Actor.Of(user), ct);
        return TypedResults.Accepted($"/api/pipeline/runs/{run.Id}", new PipelineStarted(run.Id, run.Step, run.Status.ToString().ToLowerInvariant()));
    }

    private static async Task<Results<Ok<PipelineRunDto[]>, ProblemHttpResult>> ListAsync(
        PipelineLedger ledger, IOptions<PipelineOptions> options, CancellationToken ct, int limit = 50)
    {
        if (limit is < 1 or > MaxListed)
        {
            return ApiProblems.BadRequest($"limit must be between 1 and {MaxListed}.");
        }

        var runs = await ledger.RecentAsync(limit, ct);
        return TypedResults.Ok(runs.Select(r => PipelineRunDto.From(r, options.Value.MaxAttempts)).ToArray());
    }

    private static async Task<Results<Ok<PipelineRunDto>, ProblemHttpResult>> GetAsync(
        int id, PipelineLedger ledger, IOptions<PipelineOptions> options, CancellationToken ct)
    {
        var run = await ledger.FindAsync(id, ct);
        return run is null ? ApiProblems.NotFound($"There is no pipeline run {id}.") : TypedResults.Ok(PipelineRunDto.From(run, options.Value.MaxAttempts));
    }
}
