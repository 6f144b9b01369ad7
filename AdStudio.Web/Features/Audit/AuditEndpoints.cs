using AdStudio.Core.Auditing;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Features.Audit;

public static class AuditEndpoints
{
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditLog>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", SearchAsync).WithTags("Audit").RequireAuthorization(Policies.Audit);
        return app;
    }

    /// <summary>
    /// Who changed what and when, newest first: <c>?actor=&amp;entity=&amp;from=&amp;to=&amp;limit=&amp;before=</c>.
    /// Values are read as text so a bad one is a problem that names it, not a bare binding failure.
    /// </summary>
    private static async Task<Results<Ok<AuditPageDto>, ProblemHttpResult>> SearchAsync(
        AuditLog log, CancellationToken ct, string? actor = null, string? entity = null, string? from = null, string? to = null, string? limit = null, string? before = null)
    {
        var (filter, pageSize, error) = AuditQuery.Parse(actor, entity, from, to, limit, before);
        if (filter is null)
        {
            return ApiProblems.BadRequest(error!, "The audit query is not valid.");
        }

        var page = await log.SearchAsync(filter, pageSize, ct);
        return TypedResults.Ok(new AuditPageDto([.. page.Entries.Select(AuditRecordDto.From)], page.NextBefore));
    }
}
