using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Auditing;

/// <summary>Adds audit entries to the same unit of work as the change they describe.</summary>
public static class AuditTrail
{
    public const string Creative = "creative";
    public const string Campaign = "campaign";
    public const string User = "user";
    public const string StorefrontKey = "storefront-key";

    public static void Add(AdStudioDb db, string entityType, int entityId, string actor, string action, string? details, DateTime at) =>
        db.AuditEntries.Add(new AuditEntry
        {
            EntityType = entityType,
            EntityId = entityId,
            Actor = string.IsNullOrWhiteSpace(actor) ? "unknown" : actor.Trim()[..Math.Min(actor.Trim().Length, 128)],
            Action = action,
            Details = details is { Length: > 4096 } ? details[..4096] : details,
            At = at,
        });
}
