namespace AdStudio.Web.Features.Serving;

/// <summary>The query string of the tracking URLs <c>/c/{decisionId}</c> and <c>/i/{decisionId}</c>.</summary>
public static class TrackingQuery
{
    /// <summary>
    /// Carries the shopper id the decision id was signed for: the signature covers it, so an event is only recorded for
    /// the shopper the ad was served to. One letter because storefronts paste these URLs into pages and pixels.
    /// </summary>
    public const string Shopper = "s";
}
