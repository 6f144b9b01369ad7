using AdStudio.Core.Events;
using AdStudio.Core.Serving;
using AdStudio.Web.Features.Storefront;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdStudio.Web.Features.Serving;

public static class ServeEndpoints
{
    private const int MaxShopperIdLength = 128;

    // A transparent 1×1 GIF for the impression pixel.
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static IEndpointRouteBuilder MapServing(this IEndpointRouteBuilder app)
    {
        app.MapPost("/serve", ServeAsync).WithTags("Serving").WithBodyLimit(app, l => l.ServeBodyBytes).ForStorefront(app);
        if (StorefrontSetup.IsBenchmark(app))
        {
            // The same handler without the key check, so the benchmark can measure what the check costs.
            app.MapPost("/bench/serve-without-key", ServeAsync).WithBodyLimit(app, l => l.ServeBodyBytes).AllowAnonymous().ExcludeFromDescription();
        }

        // Tracking URLs are public: they are signed, and shoppers' browsers call them.
        app.MapGet("/c/{decisionId}", ClickAsync).WithTags("Serving").AllowAnonymous();
        app.MapGet("/i/{decisionId}", ImpressionAsync).WithTags("Serving").AllowAnonymous();
        return app;
    }

    /// <summary>The hot path: reads only the in-memory snapshot. 204 when no campaign is eligible.</summary>
    private static async Task<Results<Ok<ServeResponse>, NoContent, ProblemHttpResult>> ServeAsync(
        HttpRequest request, SnapshotHolder snapshots, AdServer adServer, TrackingTicketCodec tickets, TimeProvider clock, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, ServingJsonContext.Default.ServeRequest, ct);
        if (body is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var snapshot = snapshots.Current;
        if (string.IsNullOrWhiteSpace(body.ShopperId) || body.ShopperId.Length > MaxShopperIdLength)
        {
            return ApiProblems.BadRequest($"shopperId is required and at most {MaxShopperIdLength} characters (a new visitor may use any fresh id).");
        }

        if (string.IsNullOrWhiteSpace(body.Placement) || !snapshot.Placements.ContainsKey(body.Placement))
        {
            return ApiProblems.BadRequest($"placement must be one of: {string.Join(", ", snapshot.PlacementNames)}.");
        }

        var served = adServer.Serve(snapshot, body.ShopperId, body.Placement, clock.GetUtcNow().UtcDateTime, Random.Shared);
        if (served is null)
        {
            return TypedResults.NoContent();
        }

        var decision = served.Decision;
        var creative = decision.Creative;
        var copy = AdCopy.For(creative, snapshot.TraitsOf(body.ShopperId));
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        // The shopper id travels sealed inside the ticket, never readable in the URL (base64url needs no escaping).
        var tracking = tickets.Seal(served.DecisionId, body.ShopperId);
        var imageUrl = creative.ImageUrl.StartsWith('/') ? baseUrl + creative.ImageUrl : creative.ImageUrl;
        return TypedResults.Ok(new ServeResponse(
            served.DecisionId,
            decision.Campaign.Id,
            creative.Id,
            copy.Headline,
            copy.Body,
            copy.CallToAction,
            imageUrl,
            $"{baseUrl}/c/{tracking}",
            $"{baseUrl}/i/{tracking}",
            decision.ExpectedValue,
            new ServeExplanation(
                decision.Campaign.BidTypeName,
                decision.Campaign.Bid,
                decision.ClickRate,
                decision.ConversionRate,
                decision.ExpectedValue,
                decision.Experiment?.Id,
                served.Ticket.VariantIdOrNull,
                decision.Explored,
                decision.CtrModelId,
                decision.CvrModelId)));
    }

    /// <summary>Records the click (unless its decision expired), then sends the shopper to the creative's approved landing page, even if storing the click failed.</summary>
    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> ClickAsync(
        string decisionId, [FromQuery(Name = TrackingQuery.LegacyShopper)] string? shopperId, AdEventRecorder recorder, HttpResponse response, CancellationToken ct)
    {
        var recorded = await recorder.RecordAsync(AdEventType.Click, decisionId, shopperId, response, ct);
        if (recorded.Problem is { } problem)
        {
            return problem;
        }

        var landing = await recorder.LandingUrlAsync(recorded.Ticket.CreativeId, ct);
        return landing is null
            ? ApiProblems.NotFound("The ad's creative no longer exists or has no approved landing page.")
            : TypedResults.Redirect(landing);
    }

    /// <summary>Impression pixel: records the impression (unless its decision expired) and answers a 1×1 GIF.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ImpressionAsync(
        string decisionId, [FromQuery(Name = TrackingQuery.LegacyShopper)] string? shopperId, AdEventRecorder recorder, HttpResponse response, CancellationToken ct)
    {
        var recorded = await recorder.RecordAsync(AdEventType.Impression, decisionId, shopperId, response, ct);
        if (recorded.Problem is { } problem)
        {
            return problem;
        }

        response.Headers.CacheControl = "no-store";
        return TypedResults.File(Pixel, "image/gif");
    }
}
