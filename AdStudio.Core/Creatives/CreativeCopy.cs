namespace AdStudio.Core.Creatives;

/// <summary>The words and links of a creative that a marketer edits.</summary>
public sealed record CreativeCopy(
    string Name,
    string Headline,
    string? Body,
    string? CallToAction,
    string LandingUrl,
    string Category,
    string? Tags,
    double Discount);
