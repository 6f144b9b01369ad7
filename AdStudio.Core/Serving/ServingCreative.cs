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
    double Discount = 0)
{
    /// <summary>What the click and conversion models know about this creative.</summary>
    public Modeling.Training.CreativeFacts Facts { get; } = new(Id, Category, Discount, Headline.Length);

    /// <summary>Whether any copy field has a placeholder to fill per shopper; most copy has none, and it is answered as is.</summary>
    public bool IsTemplate { get; } = AdCopy.HasPlaceholder(Headline) || AdCopy.HasPlaceholder(Body) || AdCopy.HasPlaceholder(CallToAction);
}
