namespace AdStudio.Core.Privacy;

/// <summary>An access or erasure request, as the request log keeps it: never the raw shopper id.</summary>
public sealed class PrivacyRequest
{
    public int Id { get; set; }

    /// <summary><see cref="PrivacyRequestTypes"/>.</summary>
    public required string Type { get; set; }

    /// <summary>The shopper's masked id (<see cref="ShopperPseudonyms.Mask"/>).</summary>
    public required string MaskedShopperId { get; set; }

    public DateTime RequestedAt { get; set; }

    /// <summary>The user who asked.</summary>
    public required string RequestedBy { get; set; }

    /// <summary>Rows found (access) or removed (erasure) per table or store, as JSON.</summary>
    public required string Counts { get; set; }
}
