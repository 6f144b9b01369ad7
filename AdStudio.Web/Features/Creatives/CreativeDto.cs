using AdStudio.Core.Creatives;

namespace AdStudio.Web.Features.Creatives;

/// <summary>
/// A creative as the API shows it; <c>status</c> is draft, pending_review, approved or rejected. <c>problems</c> is set on
/// the answer to a save: what the automatic checks of submission still find (empty: ready to submit).
/// </summary>
public sealed record CreativeDto(
    int Id, string Name, string Status, string Headline, string Body, string CallToAction, string LandingUrl, string Category,
    string Tags, double Discount, string ImageUrl, string? ThumbnailUrl, int Width, int Height, string? ReviewNotes, string? ReviewedBy, DateTime? ReviewedAt,
    IReadOnlyList<CreativeProblemDto>? Problems = null)
{
    public static CreativeDto From(Creative creative) => new(
        creative.Id, creative.Name, StatusName(creative.Status), creative.Headline, creative.Body, creative.CallToAction, creative.LandingUrl, creative.Category, creative.Tags, creative.Discount,
        creative.ImageUrl, creative.ThumbnailUrl, creative.Width, creative.Height, creative.ReviewNotes, creative.ReviewedBy, creative.ReviewedAt);

    public static CreativeDto From(SavedCopy saved) => From(saved.Creative) with { Problems = [.. saved.Problems.Select(CreativeProblemDto.From)] };

    public static string StatusName(CreativeStatus status) => status == CreativeStatus.PendingReview ? "pending_review" : status.ToString().ToLowerInvariant();
}
