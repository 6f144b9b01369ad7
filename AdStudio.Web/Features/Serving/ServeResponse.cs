namespace AdStudio.Web.Features.Serving;

/// <summary>Answer of <c>POST /serve</c>: the ad to show and the URLs that report it.</summary>
public sealed record ServeResponse(
    string DecisionId,
    int CampaignId,
    int CreativeId,
    string Headline,
    string Body,
    string CallToAction,
    string ImageUrl,
    string ClickUrl,
    string ImpressionUrl,
    double Score,
    ServeExplanation Explanation);
