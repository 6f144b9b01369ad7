using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdStudio.Core.Auditing;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using AdStudio.Core.Segments;
using AdStudio.Core.Segments.Rules;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Segments;

public static class SegmentEndpoints
{
    public static IEndpointRouteBuilder MapSegments(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/segments").WithTags("Segments");
        api.MapGet("/", ListAsync).RequireAuthorization(Policies.Read);
        api.MapGet("/{id:int}", GetAsync).RequireAuthorization(Policies.Read);
        api.MapPost("/preview", PreviewAsync).RequireAuthorization(Policies.Read);
        api.MapPost("/", CreateAsync).RequireAuthorization(Policies.Edit);
        api.MapPut("/{id:int}", UpdateAsync).RequireAuthorization(Policies.Edit);
        api.MapPost("/{id:int}/duplicate", async (int id, HttpRequest r, SegmentService s, IOptions<PrivacyOptions> p, CancellationToken ct) =>
            await RunAsync(async () => (IResult)TypedResults.Created($"/api/segments", SegmentDto.From(await s.DuplicateAsync(id, Actor.Of(r), ct), p.Value, true))))
            .RequireAuthorization(Policies.Edit);
        api.MapPost("/{id:int}/archive", async (int id, HttpRequest r, SegmentService s, CancellationToken ct) =>
            await RunAsync(async () =>
            {
                await s.ArchiveAsync(id, Actor.Of(r), ct);
                return TypedResults.NoContent();
            })).RequireAuthorization(Policies.Edit);
        // Masked ids for the people who build segments; raw ids (?ids=raw) leave the system here for admins only.
        api.MapGet("/{id:int}/members.csv", ExportAsync).RequireAuthorization(Policies.Edit);
        return app;
    }

    private static async Task<Ok<SegmentDto[]>> ListAsync(IDbContextFactory<AdStudioDb> dbFactory, IOptions<PrivacyOptions> privacy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var segments = await db.Segments.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name).ToListAsync(ct);
        return TypedResults.Ok(segments.Select(s => SegmentDto.From(s, privacy.Value, false)).ToArray());
    }

    private static async Task<Results<Ok<SegmentDto>, ProblemHttpResult>> GetAsync(int id, IDbContextFactory<AdStudioDb> dbFactory, IOptions<PrivacyOptions> privacy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && !s.IsArchived, ct) is { } segment
            ? TypedResults.Ok(SegmentDto.From(segment, privacy.Value, true))
            : ApiProblems.NotFound($"There is no segment {id}.");
    }

    /// <summary>How many consenting shoppers a rule matches now; null below the privacy threshold.</summary>
    private static async Task<Results<Ok<SegmentPreview>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        HttpRequest request, AudienceIndex audiences, IOptions<PrivacyOptions> privacy, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, SegmentsJsonContext.Default.SegmentRequest, ct);
        if (body is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var (rule, errors) = SegmentRule.Parse(body.RuleNode());
        if (rule is null)
        {
            return Invalid(errors);
        }

        var size = (await audiences.GetAsync(ct)).Count(rule);
        return TypedResults.Ok(new SegmentPreview(SmallGroups.Size(privacy.Value, size), privacy.Value.MinSegmentSize));
    }

    private static async Task<Results<Created<SegmentDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request, SegmentService segments, IOptions<PrivacyOptions> privacy, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, SegmentsJsonContext.Default.SegmentRequest, ct);
        if (body is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        try
        {
            var created = await segments.CreateAsync(body.Name ?? "", body.Description, body.RuleNode()?.ToJsonString() ?? "", Actor.Of(request), ct);
            return TypedResults.Created($"/api/segments/{created.Id}", SegmentDto.From(created, privacy.Value, true));
        }
        catch (SegmentRuleException ex)
        {
            return Invalid(ex.Errors.Count > 0 ? ex.Errors : [ex.Message]);
        }
    }

    private static async Task<Results<Ok<SegmentDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, HttpRequest request, SegmentService segments, IOptions<PrivacyOptions> privacy, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, SegmentsJsonContext.Default.SegmentRequest, ct);
        if (body is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        try
        {
            return TypedResults.Ok(SegmentDto.From(await segments.UpdateAsync(id, body.Name ?? "", body.Description, body.RuleNode()?.ToJsonString() ?? "", Actor.Of(request), ct), privacy.Value, true));
        }
        catch (SegmentRuleException ex)
        {
            return Invalid(ex.Errors.Count > 0 ? ex.Errors : [ex.Message]);
        }
        catch (KeyNotFoundException ex)
        {
            return ApiProblems.NotFound(ex.Message);
        }
    }

    /// <summary>
    /// Member ids as CSV, masked (<see cref="ShopperPseudonyms.Mask"/>) unless an admin asks for raw ids (<c>?ids=raw</c>)
    /// to activate the segment in another tool; refused below the privacy threshold. The audit trail records who, which
    /// segment, which kind of ids and how many rows, never the ids.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        int id, [FromQuery(Name = "ids")] string? idKind, HttpContext http, IAuthorizationService authorization, ShopperPseudonyms pseudonyms,
        IDbContextFactory<AdStudioDb> dbFactory, IOptions<PrivacyOptions> privacy, TimeProvider clock, CancellationToken ct)
    {
        if (MemberIdKinds.Parse(idKind) is not { } kind)
        {
            return ApiProblems.BadRequest($"ids must be {MemberIdKinds.Masked} (the default) or {MemberIdKinds.Raw}.");
        }

        if (kind == MemberIdKinds.Raw && !(await authorization.AuthorizeAsync(http.User, Policies.Admin)).Succeeded)
        {
            return TypedResults.Problem(
                detail: "Only admins can export raw shopper ids; the default export has masked ids.",
                title: "Raw shopper ids are for admins.", statusCode: StatusCodes.Status403Forbidden);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && !s.IsArchived, ct) is not { } segment)
        {
            return ApiProblems.NotFound($"There is no segment {id}.");
        }

        if (!privacy.Value.Allows(segment.Size))
        {
            return TypedResults.Problem(
                detail: $"Segments smaller than {privacy.Value.MinSegmentSize} shoppers cannot be exported.",
                title: "Below the privacy threshold.", statusCode: StatusCodes.Status403Forbidden);
        }

        // Members who withdrew personalisation since the last materialisation are not handed to another tool.
        var withdrawn = ConsentQueries.WithoutPersonalisation(db);
        var ids = await db.SegmentMembers.AsNoTracking().Where(m => m.SegmentId == id && !withdrawn.Contains(m.ShopperId)).OrderBy(m => m.ShopperId).Select(m => m.ShopperId).ToListAsync(ct);
        var raw = kind == MemberIdKinds.Raw;
        var column = raw ? "shopperId" : "maskedShopperId";
        var csv = MembersCsv.Write(column, raw ? ids : ids.Select(pseudonyms.Mask).Order(StringComparer.Ordinal));
        AuditTrail.Add(
            db, AuditTrail.Segment, id, Actor.Of(http.Request), raw ? "exported-raw-ids" : "exported",
            $"members.csv, {(raw ? "raw" : "masked")} ids, {ids.Count} rows", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv", $"segment-{id}-members{(raw ? "-raw-ids" : "")}.csv");
    }

    private static async Task<IResult> RunAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (SegmentRuleException ex)
        {
            return ApiProblems.BadRequest(ex.Message);
        }
        catch (KeyNotFoundException ex)
        {
            return ApiProblems.NotFound(ex.Message);
        }
    }

    private static ValidationProblem Invalid(IReadOnlyList<string> errors) =>
        ApiProblems.Invalid(new Dictionary<string, string[]> { ["rule"] = [.. errors] }, string.Join(" ", errors));
}
