using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Auditing;

/// <summary>Adds audit entries to the same unit of work as the change they describe.</summary>
public static class AuditTrail
{
    public const string Creative = "creative";
    public const string Campaign = "campaign";
    public const string User = "user";
    public const string StorefrontKey = "storefront-key";
    public const string Model = "model";
    public const string Segment = "segment";
    public const string Experiment = "experiment";

    /// <summary>A pipeline step started by a person (scheduled runs are in the run ledger, not here).</summary>
    public const string Pipeline = "pipeline";

    /// <summary>A CSV import of shoppers or events; the entity id is 0 (an import is not a stored thing).</summary>
    public const string Import = "import";

    /// <summary>An access or erasure request; the entity id is the privacy request's id, the details hold the masked shopper id only.</summary>
    public const string Privacy = "privacy";

    /// <summary>Every entity type, for filters in the API and on the audit page.</summary>
    public static IReadOnlyList<string> EntityTypes { get; } = [User, StorefrontKey, Creative, Campaign, Segment, Experiment, Model, Pipeline, Import, Privacy];

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
