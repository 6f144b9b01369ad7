namespace AdStudio.Web.Features.Serving;

/// <summary>The query string of the tracking URLs <c>/c/{id}</c> and <c>/i/{id}</c>.</summary>
public static class TrackingQuery
{
    /// <summary>
    /// The shopper id that tracking URLs issued before sealed tickets carried next to the bare decision id. It is read
    /// only for those (until their decisions leave the attribution window) and never written again: the shopper id now
    /// travels encrypted inside the ticket (see <c>TrackingTicketCodec</c>).
    /// </summary>
    public const string LegacyShopper = "s";
}
