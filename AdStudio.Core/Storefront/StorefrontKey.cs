namespace AdStudio.Core.Storefront;

/// <summary>
/// A key a storefront sends in <c>X-AdStudio-Key</c> to call <c>/serve</c> and <c>/events</c>. Only the SHA-256
/// of the key is stored: the key is random and long, so a hash without salt cannot be reversed.
/// </summary>
public sealed class StorefrontKey
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The first characters of the key, so an admin can tell keys apart without seeing them.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public long RequestCount { get; set; }
}
