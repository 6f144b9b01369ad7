using AdStudio.Core.Creatives;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Serving;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Web.Features.Serving;

/// <summary>
/// Records impressions and clicks that arrive through the tracking URLs of a decision. A decision older
/// than the attribution window is still answered (redirect or pixel) but nothing is recorded or charged.
/// </summary>
public sealed class AdEventRecorder(
    TrackingTicketCodec tickets,
    AttributionWindow attribution,
    SnapshotHolder snapshots,
    BatchingEventWriter writer,
    StoredImpressionCounter impressions,
    IDbContextFactory<AdStudioDb> dbFactory,
    StorageProblems storage,
    TimeProvider clock)
{
    /// <param name="trackingId">A sealed tracking ticket, or a decision id issued before them.</param>
    /// <param name="shopperParameter">The <c>?s=</c> of tracking URLs issued before sealed tickets; null in the ones issued now.</param>
    public async Task<(DecisionTicket Ticket, ProblemHttpResult? Problem)> RecordAsync(
        AdEventType type, string trackingId, string? shopperParameter, HttpResponse response, CancellationToken ct)
    {
        var status = tickets.Open(trackingId, shopperParameter, out var opened);
        if (status != DecisionIdStatus.Valid)
        {
            return (default, ApiProblems.BadRequest(DecisionIdMessages.DescribeTracking(status, trackingId)));
        }

        var ticket = opened.Ticket;

        if (attribution.IsExpired(ticket))
        {
            return (ticket, null);
        }

        var adEvent = AdEventAttribution.Attribute(
            type, opened.DecisionId, ticket, opened.ShopperId, clock.GetUtcNow().UtcDateTime, 0, snapshots.Current.PlacementNames);
        try
        {
            await writer.WriteAsync(new EventBatch([], [adEvent]), ct);
            impressions.CountStored([adEvent]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (type == AdEventType.Click)
            {
                // The shopper is never stranded on our storage fault: a browser does not retry a click, so a 503
                // would lose the visit to the advertiser as well as the click. Like mature ad servers, redirect
                // anyway and log the lost (uncharged) click with its cause.
                storage.ClickLost(ticket.CampaignId, ticket.CreativeId, ex);
                return (ticket, null);
            }

            // A pixel answers 503 with Retry-After: invisible to the shopper, and honest to beacon senders that retry.
            return (ticket, storage.Unavailable(response, "GET /i", 1, ex));
        }

        return (ticket, null);
    }

    /// <summary>
    /// The creative's approved landing page: from the snapshot (which holds approved creatives only), or the
    /// database for ads no longer served — there the last approved URL, never an edit waiting for review.
    /// </summary>
    public async Task<string?> LandingUrlAsync(int creativeId, CancellationToken ct)
    {
        if (snapshots.Current.FindCreative(creativeId) is { } creative)
        {
            return creative.LandingUrl;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Creatives.Where(c => c.Id == creativeId)
            .Select(c => c.ApprovedLandingUrl ?? (c.Status == CreativeStatus.Approved ? c.LandingUrl : null))
            .FirstOrDefaultAsync(ct);
    }
}
