using System.Globalization;
using AdStudio.Core.Privacy;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Features.Privacy;

/// <summary>Access and erasure requests and their log (admin). Shopper ids travel in bodies only, never in URLs.</summary>
public static class PrivacyEndpoints
{
    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/privacy").WithTags("Privacy").RequireAuthorization(Policies.Admin);
        api.MapPost("/access", AccessAsync).WithBodyLimit(app, l => l.ApiBodyBytes);
        api.MapPost("/erasure", EraseAsync).WithBodyLimit(app, l => l.ApiBodyBytes);
        api.MapGet("/requests", ListAsync);
        return app;
    }

    /// <summary>200 with everything held about the shopper; 404 when nothing is; 400 for a missing, blank or over-long id.</summary>
    private static async Task<Results<JsonHttpResult<ShopperAccessDocument>, ProblemHttpResult>> AccessAsync(
        HttpRequest request, ShopperAccess access, CancellationToken ct)
    {
        var (shopperId, error) = await ReadShopperIdAsync(request, ct);
        if (shopperId is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var document = await access.ReadAsync(shopperId, Actor.Of(request), ct);
        return document is null
            ? ApiProblems.NotFound("AdStudio holds nothing about this shopper.")
            : TypedResults.Json(document, AccessDocumentJson.Options);
    }

    /// <summary>200 once the shopper is gone everywhere (all counts zero for an id already erased or never seen); 400 for a bad id.</summary>
    private static async Task<Results<Ok<ErasureAnswer>, ProblemHttpResult>> EraseAsync(
        HttpRequest request, ShopperEraser eraser, CancellationToken ct)
    {
        var (shopperId, error) = await ReadShopperIdAsync(request, ct);
        if (shopperId is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        // Once started, an erasure finishes even if the caller goes away: half an erasure helps nobody.
        var result = await eraser.EraseAsync(shopperId, Actor.Of(request), CancellationToken.None);
        return TypedResults.Ok(new ErasureAnswer(result.RequestId, result.Removed));
    }

    /// <summary>The request log, newest first: <c>?limit=&amp;before=</c> as the audit API.</summary>
    private static async Task<Results<Ok<PrivacyRequestPage>, ProblemHttpResult>> ListAsync(
        PrivacyRequestHistory log, CancellationToken ct, string? limit = null, string? before = null)
    {
        var pageSize = PrivacyRequestHistory.DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > PrivacyRequestHistory.MaxLimit))
        {
            return ApiProblems.BadRequest($"limit must be a whole number from 1 to {PrivacyRequestHistory.MaxLimit}.", "The request log query is not valid.");
        }

        int? cursor = null;
        if (!string.IsNullOrEmpty(before))
        {
            if (!int.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            {
                return ApiProblems.BadRequest("before must be the positive request id of a previous page's nextBefore.", "The request log query is not valid.");
            }

            cursor = id;
        }

        return TypedResults.Ok(await log.ListAsync(pageSize, cursor, ct));
    }

    private static async Task<(string? ShopperId, string? Error)> ReadShopperIdAsync(HttpRequest request, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, PrivacyJsonContext.Default.ShopperRequest, ct);
        if (body is null)
        {
            return (null, error);
        }

        return ShopperIds.Problem(body.ShopperId) is { } problem ? (null, problem) : (body.ShopperId, null);
    }
}
