namespace AdStudio.Core.Shoppers;

/// <summary>A shopper known to the storefront, identified by a pseudonymous id chosen by the shop.</summary>
public sealed class Shopper
{
    public required string Id { get; set; }

    /// <summary>Whether the shopper agreed to behavioural tracking; without it no profile is built.</summary>
    public bool HasTrackingConsent { get; set; }

    public string? AgeBand { get; set; }

    public string? Gender { get; set; }

    public string? Region { get; set; }

    public DateTime FirstSeenAt { get; set; }
}
