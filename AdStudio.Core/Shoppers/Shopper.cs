namespace AdStudio.Core.Shoppers;

/// <summary>A shopper known to the storefront, identified by a pseudonymous id chosen by the shop.</summary>
public sealed class Shopper
{
    public required string Id { get; set; }

    /// <summary>
    /// The latest consent to personalisation: behaviour tracking, profiles, segments, predicted audiences, shopper
    /// features in models and personalised copy. The history is in <see cref="Privacy.ConsentRecord"/>.
    /// </summary>
    public bool AllowsPersonalisation { get; set; }

    /// <summary>The latest consent to measurement: ad events keep the shopper id and the shopper counts in experiment analysis.</summary>
    public bool AllowsMeasurement { get; set; }

    /// <summary>When the latest consent was given or withdrawn (the shop's timestamp); null while only the default applies.</summary>
    public DateTime? ConsentUpdatedAt { get; set; }

    public string? AgeBand { get; set; }

    public string? Gender { get; set; }

    public string? Region { get; set; }

    public DateTime FirstSeenAt { get; set; }
}
