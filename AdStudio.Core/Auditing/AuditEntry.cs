namespace AdStudio.Core.Auditing;

/// <summary>Who changed what and when: creatives, campaigns, users, sign-ins, storefront keys, models, exports.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>What kind of thing changed: one of the names in <see cref="AuditTrail"/>.</summary>
    public required string EntityType { get; set; }

    public int EntityId { get; set; }

    public DateTime At { get; set; }

    public required string Actor { get; set; }

    /// <summary>A short verb: created, updated, submitted, approved, rejected, paused, …</summary>
    public required string Action { get; set; }

    public string? Details { get; set; }
}
