namespace AdStudio.Core.Creatives;

/// <summary>An ad: an image of a placement size plus copy and a landing page.</summary>
public sealed class Creative
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Headline { get; set; }

    public string Body { get; set; } = "";

    public string CallToAction { get; set; } = "Shop now";

    public required string LandingUrl { get; set; }

    /// <summary>
    /// The landing page as a reviewer last approved it. Clicks go here, never to an edit still waiting
    /// for review; null until the creative is first approved.
    /// </summary>
    public string? ApprovedLandingUrl { get; set; }

    /// <summary>Product category the ad promotes (one of the shop's categories).</summary>
    public required string Category { get; set; }

    /// <summary>Public path of the image, relative to the site root.</summary>
    public required string ImageUrl { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>Advertised discount as a fraction (0.2 = 20 % off); 0 when none.</summary>
    public double Discount { get; set; }

    public CreativeStatus Status { get; set; }

    /// <summary>Comma-separated category tags, for search and reporting.</summary>
    public string Tags { get; set; } = "";

    /// <summary>SHA-256 of the stored image; null for images shipped with the app.</summary>
    public string? ContentHash { get; set; }

    /// <summary>Public path of a small preview of the image.</summary>
    public string? ThumbnailUrl { get; set; }

    /// <summary>Why the last review or automatic check turned it down, one reason per line.</summary>
    public string? ReviewNotes { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public string? ReviewedBy { get; set; }

    /// <summary>Who last changed the image or the copy; four-eyes review: they may not approve or reject it.</summary>
    public string? LastEditedBy { get; set; }

    public DateTime CreatedAt { get; set; }
}
