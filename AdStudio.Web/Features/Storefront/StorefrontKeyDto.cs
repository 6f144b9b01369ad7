using AdStudio.Core.Storefront;

namespace AdStudio.Web.Features.Storefront;

/// <summary>A key as listed: never the key, only its first characters.</summary>
public sealed record StorefrontKeyDto(
    int Id,
    string Name,
    string Prefix,
    DateTime Created,
    string CreatedBy,
    DateTime? LastUsed,
    long RequestCount,
    bool Revoked,
    DateTime? RevokedAt,
    string? RevokedBy)
{
    public static StorefrontKeyDto From(StorefrontKey key) => new(
        key.Id,
        key.Name,
        key.Prefix,
        DateTime.SpecifyKind(key.CreatedAt, DateTimeKind.Utc),
        key.CreatedBy,
        key.LastUsedAt is { } used ? DateTime.SpecifyKind(used, DateTimeKind.Utc) : null,
        key.RequestCount,
        key.RevokedAt is not null,
        key.RevokedAt is { } revoked ? DateTime.SpecifyKind(revoked, DateTimeKind.Utc) : null,
        key.RevokedBy);
}
