namespace AdStudio.Core.Serving;

/// <summary>An approved creative as the decision engine sees it.</summary>
public sealed record ServingCreative(
    int Id,
    string Headline,
    string ImageUrl,
    string LandingUrl,
    string Category,
    int Width,
    int Height,
    double SmoothedCtr,
    string Body = "",
    string CallToAction = "",
    double Discount = 0);
